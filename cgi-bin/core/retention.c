/* retention.c — the retention policy; see retention.h. */
#include "retention.h"

#include "conf.h"

void
retention_policy(HDF *conf, long long age[RET__MAX])
{
    age[RET_FEEDBACK_CONTACT] = conf_int(conf, "Retention.FeedbackContactMonths", 24);
    age[RET_EVIDENCE] = conf_int(conf, "Retention.EvidenceMonths", 24);
    age[RET_RATING_COMMENT] = conf_int(conf, "Retention.RatingCommentMonths", 24);
    age[RET_NOTIFICATION] = conf_int(conf, "Retention.NotificationDays", 90);
    age[RET_DOSSIER_CONTACT] = conf_int(conf, "Retention.DossierContactYears", 5);
    age[RET_RATE_LIMIT] = conf_int(conf, "Retention.RateLimitDays", 2);
    age[RET_SESSION] = conf_int(conf, "Retention.SessionDays", 7);
}
