/* common.h: flag parsing and error printing shared by the C examples. */
#ifndef EXAMPLES_COMMON_H
#define EXAMPLES_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dgram.h>

/* flag returns the value after "-name" in argv, or def. */
static inline const char *flag(int argc, char **argv, const char *name, const char *def)
{
    for (int i = 1; i + 1 < argc; i++) {
        if (argv[i][0] == '-' && strcmp(argv[i] + 1, name) == 0) {
            return argv[i + 1];
        }
    }
    return def;
}

/* has_flag reports a "-name" without a value. */
static inline int has_flag(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && strcmp(argv[i] + 1, name) == 0) {
            return 1;
        }
    }
    return 0;
}

/* print_error prints an error as Node does: "Error: bind EADDRINUSE ...". */
static inline void print_error(const char *prefix, const struct dgram_error_info *e)
{
    char *s = dgram_error_string(e);
    fprintf(stderr, "%s%s\n", prefix, s != NULL ? s : e->name);
    dgram_free(s);
}

/* check exits with the last error when rc is a negative code. */
static inline int check(const char *what, int rc)
{
    if (rc < 0) {
        struct dgram_error_info e;
        dgram_last_error(&e);
        fprintf(stderr, "%s: ", what);
        print_error("", &e);
        exit(2);
    }
    return rc;
}

/* library_ok exits unless the library loaded is the one dgram.h describes. */
static inline void library_ok(void)
{
    if (!dgram_header_matches()) {
        fprintf(stderr, "dgram.h (spec %s) does not match libdgram (spec %s, version %s)\n",
                DGRAM_SPEC_HASH, dgram_spec_hash(), dgram_version());
        exit(2);
    }
}

#endif
