/* conf.h — configuration: built-in defaults overlaid by one HDF file. */
#ifndef MOTCUA_CONF_H
#define MOTCUA_CONF_H

#include <ClearSilver.h>

/* Load defaults, then the file at path (NULL: $MOTCUA_CONF, else none).
 * Returns NULL and logs the reason on error.  The caller owns the HDF. */
HDF *conf_load(const char *path);

const char *conf_str(HDF *conf, const char *key, const char *def);
long long conf_int(HDF *conf, const char *key, long long def);

/* The 32-byte server secret (Secret.Key, 64 hex digits); -1 if missing or malformed. */
int conf_secret(HDF *conf, unsigned char key[32]);

#endif
