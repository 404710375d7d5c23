/* motcua.h — everything a program needs from the core. */
#ifndef MOTCUA_H
#define MOTCUA_H

#include "audit.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "sec.h"
#include "staff.h"
#include "token.h"
#include "qrlink.h"
#include "qr.h"
#include "search.h"
#include "stats.h"
#include "store_feedback.h"
#include "fb_rules.h"
#include "store_open311.h"
#include "xml.h"
#include "store_case.h"
#include "store_dossier.h"
#include "store_report.h"
#include "store_import.h"
#include "csv_import.h"
#include "cal_check.h"
#include "codes.h"
#include "util.h"

#endif
