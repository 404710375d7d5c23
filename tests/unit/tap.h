/* tap.h — a tiny test harness: one "ok"/"not ok" line per check, a summary
 * line "# N passed, N failed" that scripts/test.sh adds up, exit 1 on failure. */
#ifndef MOTCUA_TAP_H
#define MOTCUA_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_passed, tap_failed;

#define CHECK(cond, ...) do {                                              \
        if (cond) {                                                        \
            tap_passed++;                                                  \
            printf("ok - ");                                               \
        } else {                                                           \
            tap_failed++;                                                  \
            printf("not ok - %s:%d: ", __FILE__, __LINE__);                \
        }                                                                  \
        printf(__VA_ARGS__);                                               \
        printf("\n");                                                      \
    } while (0)

#define CHECK_STR(got, want, ...) do {                                     \
        const char *g_ = (got), *w_ = (want);                              \
        int same_ = (g_ == NULL && w_ == NULL) ||                          \
                    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);     \
        CHECK(same_, __VA_ARGS__);                                         \
        if (!same_) {                                                      \
            printf("#   got  [%s]\n#   want [%s]\n", g_ ? g_ : "(null)",   \
                   w_ ? w_ : "(null)");                                    \
        }                                                                  \
    } while (0)

static inline int
tap_done(void)
{
    printf("# %d passed, %d failed\n", tap_passed, tap_failed);
    return tap_failed ? 1 : 0;
}

#endif
