/* token.h — short public tokens: QR links (nonce + MAC) and tracking codes. */
#ifndef MOTCUA_TOKEN_H
#define MOTCUA_TOKEN_H

#include <stddef.h>

#define TOKEN_NONCE_LEN 13   /* 64 random bits in Crockford base32 */
#define TOKEN_LEN 21         /* nonce + 40-bit MAC */

/* Crockford base32 (no I, L, O, U) of n bytes; out must hold 8n/5+2 chars. */
void base32_encode(const unsigned char *in, size_t n, char *out);

/* A fresh QR token: out[TOKEN_LEN+1]; nonce_out[TOKEN_NONCE_LEN+1] is what to store. */
void token_new(const unsigned char secret[32], char *out, char *nonce_out);

/* 0 if tok is well formed and its MAC is right (constant time); copies the
 * nonce.  A forged token is refused here, before any database look-up. */
int token_check(const unsigned char secret[32], const char *tok, char *nonce_out);

/* The token for a stored nonce (the MAC is recomputed, nothing else is stored). */
void token_from_nonce(const unsigned char secret[32], const char *nonce, char *out);

/* n random characters of the base32 alphabet. */
void token_random(char *out, size_t n);

#endif
