/* crypto.h — the keyed hash, token hash and random tokens the site's secrets are made of. */
#ifndef MOTCUA_CRYPTO_H
#define MOTCUA_CRYPTO_H

#include <stddef.h>

/* Keyed BLAKE2b of msg with the server secret and a purpose label. */
void mac(const unsigned char secret[32], const char *purpose, const void *msg, size_t len,
         unsigned char *out, size_t outlen);

/* Hex BLAKE2b-256 of a secret token (sessions, API keys): what is stored. */
void sec_hash_hex(const char *token, char out[65]);

/* n random bytes as 2n hex digits into out (2n+1 bytes). */
void random_hex(char *out, size_t nbytes);

#endif
