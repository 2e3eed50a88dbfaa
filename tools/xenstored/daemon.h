/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The daemon's process side: transports it listens on and its loop.
 */
#ifndef XENSTORED_DAEMON_H
#define XENSTORED_DAEMON_H

#define XENSTORED_SOCKET "/run/xenstored/socket"

int socket_listen(const char *path);
void socket_accept(int lfd);

#endif /* XENSTORED_DAEMON_H */
