/*
 * header.c: dgram.h alone, compiled as C99 and C11 with -pedantic -Wall
 * -Wextra -Werror (make c-header). Each function is assigned to a pointer
 * of the type the API promises, so a changed prototype fails here.
 */
#include "dgram.h"
#include "dgram.h" /* the include guard */

typedef int (*socket_fn)(dgram_socket);

int header_check(void);

int header_check(void)
{
    dgram_socket (*create)(const struct dgram_socket_options *, dgram_message_cb, void *) = dgram_create_socket;
    dgram_socket (*create_type)(const char *, dgram_message_cb, void *) = dgram_create_socket_type;
    int (*bind)(dgram_socket, int, const char *, dgram_listening_cb, void *) = dgram_bind;
    int (*bind_options)(dgram_socket, const struct dgram_bind_options *, dgram_listening_cb, void *) = dgram_bind_options;
    int (*send)(dgram_socket, const void *, size_t, int, const char *, dgram_send_cb, void *) = dgram_send;
    int (*send_slice)(dgram_socket, const void *, size_t, int, int, int, const char *, dgram_send_cb, void *) = dgram_send_slice;
    int (*sendto)(dgram_socket, const void *, size_t, int, int, int, const char *, dgram_send_cb, void *) = dgram_sendto;
    int (*close)(dgram_socket, dgram_close_cb, void *) = dgram_close;
    int (*address)(dgram_socket, struct dgram_address_info *) = dgram_address;
    int (*add)(dgram_socket, const char *, const char *) = dgram_add_membership;
    int (*drop)(dgram_socket, const char *, const char *) = dgram_drop_membership;
    int (*broadcast)(dgram_socket, bool) = dgram_set_broadcast;
    int (*loopback)(dgram_socket, bool) = dgram_set_multicast_loopback;
    int (*mttl)(dgram_socket, int) = dgram_set_multicast_ttl;
    int (*ttl)(dgram_socket, int) = dgram_set_ttl;
    int (*mif)(dgram_socket, const char *) = dgram_set_multicast_interface;
    int (*add_ssm)(dgram_socket, const char *, const char *, const char *) = dgram_add_source_specific_membership;
    int (*drop_ssm)(dgram_socket, const char *, const char *, const char *) = dgram_drop_source_specific_membership;
    int (*on_message)(dgram_socket, dgram_message_cb, void *) = dgram_on_message;
    int (*on_error)(dgram_socket, dgram_error_cb, void *) = dgram_on_error;
    int (*on_listening)(dgram_socket, dgram_listening_cb, void *) = dgram_on_listening;
    int (*on_close)(dgram_socket, dgram_close_cb, void *) = dgram_on_close;
    const char *(*version)(void) = dgram_version;
    const char *(*hash)(void) = dgram_spec_hash;
    const char *(*name)(int) = dgram_strerror;
    int (*last)(struct dgram_error_info *) = dgram_last_error;
    void (*clear)(void) = dgram_clear_last_error;
    char *(*str)(const struct dgram_error_info *) = dgram_error_string;
    void (*release)(void *) = dgram_free;
    int (*live)(void) = dgram_live_handles;
    int (*delivery)(int) = dgram_set_delivery;
    int (*poll)(int) = dgram_poll;
    int (*fd)(void) = dgram_event_fd;
    int (*supports)(dgram_platform, dgram_call) = dgram_supports;
    int (*host)(void) = dgram_host_platform;
    void (*m)(dgram_socket, const uint8_t *, size_t, const struct dgram_remote_info *, void *) = (dgram_message_cb)0;
    void (*s)(dgram_socket, const struct dgram_error_info *, int, void *) = (dgram_send_cb)0;
    void (*e)(dgram_socket, const struct dgram_error_info *, void *) = (dgram_error_cb)0;
    struct dgram_socket_options o = {"udp4", false, false, false, 0, 0, DGRAM_PLATFORM_NATIVE, DGRAM_DELIVERY_POLL};
    struct dgram_remote_info r;
    r.port = DGRAM_STRING_LEN;
    (void)create; (void)create_type; (void)bind; (void)bind_options; (void)send; (void)send_slice;
    (void)sendto; (void)close; (void)address; (void)add; (void)drop; (void)broadcast; (void)loopback;
    (void)mttl; (void)ttl; (void)on_message; (void)on_error; (void)on_listening; (void)on_close;
    (void)version; (void)hash; (void)name; (void)last; (void)clear; (void)str; (void)release; (void)live;
    (void)mif; (void)add_ssm; (void)drop_ssm;
    (void)delivery; (void)poll; (void)fd; (void)supports; (void)host; (void)m; (void)s; (void)e; (void)o;
#if DGRAM_HAS(NUTTX, SET_BROADCAST) || !DGRAM_HAS(RASPBIAN, SET_TTL)
#error "the capability macros disagree with the seed's table"
#endif
    return r.port + DGRAM_OK + DGRAM_ERR_INTERNAL + DGRAM_CALL_SET_TTL + DGRAM_VERSION_MAJOR;
}
