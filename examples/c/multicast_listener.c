/*
 * multicast_listener: the seed's addMembership/dropMembership example in
 * C, in poll delivery driven by dgram_poll(timeout) alone: bind the port,
 * join the group in the bind listener, print what arrives, and leave the
 * group when the first message arrived. Run it in a network namespace of
 * its own (tests/netns.sh): the join uses the default interface.
 *
 *   multicast_listener [-port 12345] [-group 230.255.255.250] [-count 1] [-timeout S]
 *
 * It prints "listening on PORT, joined GROUP" when ready, and exits 0
 * after -count messages, 1 after -timeout seconds.
 */
#include <time.h>

#include "common.h"

static const char *group;
static int received, closed;

static void on_listening(dgram_socket s, void *ud)
{
    struct dgram_address_info a;
    (void)ud;
    check("addMembership", dgram_add_membership(s, group, NULL));
    check("address", dgram_address(s, &a));
    printf("listening on %d, joined %s\n", a.port, group);
    fflush(stdout);
}

static void on_message(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *ud)
{
    int count = *(int *)ud;
    printf("multicast got: %.*s from %s:%d\n", (int)len, (const char *)msg, rinfo->address, rinfo->port);
    if (++received == 1) {
        /* Drop membership when a message arrived. */
        check("dropMembership", dgram_drop_membership(s, group, NULL));
    }
    if (received == count) {
        dgram_close(s, NULL, NULL);
    }
}

static void on_close(dgram_socket s, void *ud)
{
    (void)s;
    (void)ud;
    closed = 1;
}

int main(int argc, char **argv)
{
    library_ok();
    setvbuf(stdout, NULL, _IOLBF, 0);
    int port = atoi(flag(argc, argv, "port", "12345"));
    group = flag(argc, argv, "group", "230.255.255.250");
    int count = atoi(flag(argc, argv, "count", "1"));
    int timeout = atoi(flag(argc, argv, "timeout", "10"));

    check("delivery", dgram_set_delivery(DGRAM_DELIVERY_POLL));
    dgram_socket s = check("createSocket", dgram_create_socket_type("udp4", on_message, &count));
    check("on close", dgram_on_close(s, on_close, NULL));
    check("bind", dgram_bind(s, port, NULL, on_listening, NULL));
    time_t end = time(NULL) + timeout;
    while (!closed && time(NULL) < end) {
        check("poll", dgram_poll(100));
    }
    if (!closed) {
        fprintf(stderr, "multicast_listener: timed out with %d messages\n", received);
        return 1;
    }
    return 0;
}
