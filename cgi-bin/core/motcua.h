/* motcua.h — everything a program needs from the core. */
#ifndef MOTCUA_H
#define MOTCUA_H

#include "audit.h"
#include "cal_check.h"
#include "codes.h"
#include "conf.h"
#include "crypto.h"
#include "csrf.h"
#include "csv_import.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "password.h"
#include "qr.h"
#include "qrlink.h"
#include "ratelimit.h"
#include "render.h"
#include "search.h"
#include "session.h"
#include "staff.h"
#include "staff_mark.h"
#include "stats.h"
#include "store_case.h"
#include "store_dossier.h"
#include "store_feedback.h"
#include "store_import.h"
#include "store_report.h"
#include "token.h"
#include "util.h"
#include "worker.h"

#endif
