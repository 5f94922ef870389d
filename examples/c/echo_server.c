/*
 * echo_server: the seed's UDP server example in C, in poll delivery: the
 * callbacks run on this thread, from a plain poll(2) loop on
 * dgram_event_fd, as in an embedded program's single main loop.
 *
 *   echo_server [-port 41234] [-address 127.0.0.1] [-count N] [-timeout S] [-reuse]
 *
 * It prints "server listening at ADDRESS:PORT" first (port 0 picks a free
 * port), echoes every datagram back, and exits after -count datagrams
 * (0: until -timeout), or with status 1 after -timeout seconds.
 */
#include <poll.h>
#include <time.h>

#include "common.h"

static int received, count, done;

static void on_message(dgram_socket server, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *ud)
{
    (void)ud;
    printf("server got: %.*s from %s:%d (%s, %d bytes)\n", (int)len, (const char *)msg, rinfo->address, rinfo->port, rinfo->family, rinfo->size);
    check("send", dgram_send(server, msg, len, rinfo->port, rinfo->address, NULL, NULL));
    if (++received == count) {
        dgram_close(server, NULL, NULL);
    }
}

static void on_error(dgram_socket server, const struct dgram_error_info *e, void *ud)
{
    (void)ud;
    print_error("Error: ", e);
    dgram_close(server, NULL, NULL);
    done = 2;
}

static void on_listening(dgram_socket server, void *ud)
{
    struct dgram_address_info a;
    (void)ud;
    check("address", dgram_address(server, &a));
    printf("server listening at %s:%d\n", a.address, a.port);
    fflush(stdout);
}

static void on_close(dgram_socket server, void *ud)
{
    (void)server;
    (void)ud;
    if (!done) {
        done = 1;
    }
}

int main(int argc, char **argv)
{
    library_ok();
    setvbuf(stdout, NULL, _IOLBF, 0);
    int port = atoi(flag(argc, argv, "port", "41234"));
    const char *address = flag(argc, argv, "address", "127.0.0.1");
    count = atoi(flag(argc, argv, "count", "0"));
    int timeout = atoi(flag(argc, argv, "timeout", "30"));

    struct dgram_socket_options o = {.type = "udp4", .reuse_addr = has_flag(argc, argv, "reuse"), .delivery = DGRAM_DELIVERY_POLL};
    dgram_socket server = check("createSocket", dgram_create_socket(&o, on_message, NULL));
    check("on error", dgram_on_error(server, on_error, NULL));
    check("on listening", dgram_on_listening(server, on_listening, NULL));
    check("on close", dgram_on_close(server, on_close, NULL));
    check("bind", dgram_bind(server, port, address, NULL, NULL));

    int fd = check("event fd", dgram_event_fd());
    time_t end = time(NULL) + timeout;
    while (!done && time(NULL) < end) {
        struct pollfd pfd = {fd, POLLIN, 0};
        if (poll(&pfd, 1, 200) > 0) {
            check("poll", dgram_poll(0));
        }
    }
    if (!done) {
        fprintf(stderr, "echo_server: timed out after %d s with %d datagrams\n", timeout, received);
        return 1;
    }
    return done == 1 ? 0 : 1;
}
