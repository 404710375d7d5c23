/* password.h — staff passwords, stored as argon2id hashes. */
#ifndef MOTCUA_PASSWORD_H
#define MOTCUA_PASSWORD_H

#include <sodium.h>

/* argon2id (libsodium's interactive limits).  out: crypto_pwhash_STRBYTES. */
int pw_hash(const char *pw, char *out);
int pw_verify(const char *hash, const char *pw);

#endif
