/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Unix socket transport: dom0 processes connect to it, and each
 * connection acts for dom0 with full privilege.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "xenstored.h"
#include "daemon.h"

static int sock_read(struct conn *c, void *buf, unsigned int len)
{
    ssize_t r = recv(c->fd, buf, len, MSG_DONTWAIT);

    if ( r > 0 )
        return (int)r;
    if ( r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) )
        return 0;
    return -1; /* end of stream or error: the client is gone */
}

static int sock_write(struct conn *c, const void *buf, unsigned int len)
{
    ssize_t r = send(c->fd, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL);

    if ( r >= 0 )
        return (int)r;
    if ( errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR )
        return 0;
    return -1;
}

static void sock_close(struct conn *c)
{
    close(c->fd);
}

static const struct conn_ops socket_ops = {
    .read = sock_read,
    .write = sock_write,
    .close = sock_close,
};

/* mkdir -p of the socket's directory. */
static void make_dirs(const char *path)
{
    char *p = strdup(path), *s;

    if ( !p )
        return;
    for ( s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/') )
    {
        *s = '\0';
        mkdir(p, 0755);
        *s = '/';
    }
    free(p);
}

int socket_listen(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;

    if ( strlen(path) >= sizeof(addr.sun_path) )
    {
        fprintf(stderr, "xenstored: socket path too long: %s\n", path);
        return -1;
    }
    strcpy(addr.sun_path, path);
    make_dirs(path);
    unlink(path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if ( fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) ||
         chmod(path, 0600) || listen(fd, 64) )
    {
        fprintf(stderr, "xenstored: cannot listen on %s: %s\n", path,
                strerror(errno));
        if ( fd >= 0 )
            close(fd);
        return -1;
    }
    return fd;
}

void socket_accept(int lfd)
{
    int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

    if ( fd < 0 )
        return;
    if ( !conn_new(&socket_ops, fd, 0, true) )
        close(fd);
}
