/* sec.h — CSRF tokens, passwords, staff sessions, rate limits, signed tokens. */
#ifndef MOTCUA_SEC_H
#define MOTCUA_SEC_H

#include <sodium.h>

#include "http.h"

/* Set r->csrf for this request (issuing the anonymous CSRF cookie if needed). */
void csrf_prepare(struct req *r);
/* 1 if the POST carries the right "csrf" field and no foreign Origin. */
int csrf_ok(struct req *r);

/* argon2id (libsodium's interactive limits).  out: crypto_pwhash_STRBYTES. */
int pw_hash(const char *pw, char *out);
int pw_verify(const char *hash, const char *pw);

/* Staff sessions (table session).  session_load fills r->user from the cookie. */
enum db_rc session_load(struct req *r);
enum db_rc session_create(struct req *r, long long user_id);
enum db_rc session_destroy(struct req *r);

/* Count one hit on (bucket, key) in a fixed window.  *allowed is 0 once more
 * than limit hits fell in the current window of window_s seconds. */
enum db_rc ratelimit_hit(struct req *r, const char *bucket, const char *key, int limit,
                         int window_s, int *allowed);

/* The same for two limits of different buckets at once, in one statement (a
 * rating counts per address and per link); *allowed is 0 if either is
 * exceeded.  Inside the caller's transaction: a refused attempt is then
 * rolled back with the rest. */
struct ratelimit {
    const char *bucket, *key;
    int limit;
};
enum db_rc ratelimit_hit_pair(struct req *r, const struct ratelimit pair[2], int window_s,
                              int *allowed);

/* Current count without adding a hit. */
enum db_rc ratelimit_count(struct req *r, const char *bucket, const char *key, int window_s,
                           int *count);
enum db_rc ratelimit_clear(struct req *r, const char *bucket, const char *key);

/* A signed cookie "mc_staff" set at staff sign-in, so the public program
 * (which cannot read sessions) knows a browser belongs to an officer and can
 * refuse self-ratings.  staff_mark_get: 1 and the ids if present and valid. */
void staff_mark_set(struct req *r, long long user_id, long long counter_id);
void staff_mark_clear(struct req *r);
int staff_mark_get(struct req *r, long long *user_id, long long *counter_id);

/* Hex BLAKE2b-256 of a secret token (sessions, API keys): what is stored. */
void sec_hash_hex(const char *token, char out[65]);

/* Keyed BLAKE2b of msg with the server secret and a purpose label. */
void mac(const unsigned char secret[32], const char *purpose, const void *msg, size_t len,
         unsigned char *out, size_t outlen);

/* n random bytes as 2n hex digits into out (2n+1 bytes). */
void random_hex(char *out, size_t nbytes);

#endif
