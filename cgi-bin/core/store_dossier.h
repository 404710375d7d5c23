/* store_dossier.h — dossiers (their receipt), hand-overs (the control slip), their state
 * machine, lateness, and apology letters.  The SQL lives here. */
#ifndef MOTCUA_STORE_DOSSIER_H
#define MOTCUA_STORE_DOSSIER_H

#include "db.h"
#include "fsm.h"
#include "sctx.h"

enum dossier_state { DS_RECEIVED, DS_PROCESSING, DS_SUPPLEMENT, DS_REFUSED, DS_STOPPED, DS_READY,
                     DS_RETURNED, DS__COUNT };

extern const char *const dossier_states[DS__COUNT];

enum dossier_move { DM_FORWARD, DM_SUPPLEMENT, DM_SUPPLIED, DM_REFUSE, DM_STOP, DM_READY,
                    DM_RETURN, DM__COUNT };

/* What a state means (dossier_fsm.flags): the dossier is still being handled
 * (an apology letter can re-appoint it); the citizen rates how it was handled
 * (the result is in their hands: QĐ 766 counts the dossiers rated then). */
#define DSF_OPEN 1u
#define DSF_RATE 2u
/* …it waits for the citizen's supplement: the pages say what its clock does */
#define DSF_WAIT 4u

/* The whole state machine: state × move → state, and who may (fsm.h). */
extern const struct fsm dossier_fsm;

/* 1 if the move is allowed from the state (dossier_fsm, for staff). */
int dossier_move_allowed(enum dossier_state from, enum dossier_move m);
/* The state a move leads to (DM_FORWARD keeps or enters processing). */
enum dossier_state dossier_move_target(enum dossier_state from, enum dossier_move m);
int dossier_state_parse(const char *s);
/* 1 if state `to` equals `from` or some sequence of allowed moves leads there. */
int dossier_state_reachable(int from, int to);
/* When the citizen may rate a dossier in this state: now (DSF_RATE), later
 * (a state where rating is allowed can still be reached), or never (refused,
 * stopped; an unknown state). */
enum rate_when { RATE_NEVER, RATE_LATER, RATE_NOW };
enum rate_when dossier_rate_when(const char *status);
/* A dossier's state by id (*status NULL when there is none). */
enum db_rc dossier_status_by_id(struct sctx *x, long long id, const char **status);

/* "000.00.01.H41-261122-0007": TT01 Art. 19 shape; out must hold 64 bytes. */
void dossier_code(char *out, const char *unit_code, int local_day, long long seq);

/* early / on time / late of a finished dossier (TT01 Art. 13: shorter, equal,
 * longer than the legal time), by local days: -1 early, 0 on time, 1 late.
 * due is the statutory appointment of the last cycle (legal_lateness). */
int dossier_timeliness(time_t finished, time_t due);

struct dossier_in {
    long long unit_id, counter_id, procedure_id;
    const char *name, *address, *phone, *email, *documents, *channel, *collect;
    int sets;
    /* the citizen's consent to messages, as the officer recorded it: the
     * wording's version ("vi-1"), NULL when not given */
    const char *consent;
    /* the form's idempotency key (32 hex digits), NULL for none: a second
     * create with it returns the first dossier's code */
    const char *idem;
};

/* Receive a dossier: code, due date from the working-day engine, QR link,
 * first event and aggregates, audit row: one transaction.  Concurrent intakes
 * in one unit never get the same code.  code_out: 64 bytes. */
enum db_rc dossier_create(struct sctx *x, const struct dossier_in *in, char *code_out);

/* due_at: the appointment in force (moved by a signed apology letter);
 * original_due_at: the statutory appointment of the last processing cycle,
 * the one every verdict is judged against; cycle_start: when that cycle
 * began (the complete dossier received); wait_clock: while waiting for the
 * citizen's documents, what the request did to the clock (legal.h), else NULL. */
struct dossier_row {
    long long id, unit_id, procedure_id, processing_unit_id, counter_id, officer_id;
    const char *code, *status, *email, *wait_clock;
    long long due_at, original_due_at, received_at, paused_at, cycle_start;
    int reappointments, time_value, use_cutoff, cycle;
    const char *time_unit;
};

/* A dossier by code, if the user's unit is its receiving or processing unit
 * (leaders: within their subtree).  id 0 when not visible. */
enum db_rc dossier_get(struct sctx *x, const char *code, struct dossier_row *d);

/* A line of the dossier tracking book: every field as printed (NULL for
 * none), dates local, the status as stored. */
struct book_row {
    const char *seq, *code, *procedure, *sets, *name, *contact, *procunit;
    const char *received;                              /* dd/mm/yyyy hh:mm */
    const char *due, *forwarded, *finished, *returned; /* dd/mm/yyyy */
    const char *status;
};

/* The dossiers unit_id received on the local days from to to (YYYY-MM-DD),
 * in the order received, at most 10000: *rows (n) from p. */
enum db_rc dossier_book_list(struct db *db, struct pool *p, long long unit_id, const char *from,
                             const char *to, struct book_row **rows, size_t *n);

/* Did move event_id of dossier_id issue a paper?  *yes 1 or 0. */
enum db_rc dossier_event_has_paper(struct db *db, struct pool *p, long long dossier_id,
                                   long long event_id, int *yes);

/* The public page's nonce of the dossier of this code whose applicant's phone
 * ends in phone4 (the citizen's look-up, through the dossier_lookup view):
 * *nonce from p, NULL when none matches. */
enum db_rc dossier_lookup_nonce(struct db *db, struct pool *p, const char *code, const char *phone4,
                                const char **nonce);

/* Apply a move (audited, with its control-slip step and public event);
 * receiver: the person who took the dossier over, may be NULL; step_due: the
 * receiving agency's own due date for a hand-over (0: the dossier's
 * appointment), against which the control slip judges its step.  A move that
 * issues a paper (supplement request, refusal, notice of stopping under the
 * Circular 03/2025 papers) numbers it on its event.  DB_DUP when the state
 * machine refuses it. */
enum db_rc dossier_apply(struct sctx *x, const struct dossier_row *d, enum dossier_move m,
                         long long to_unit, const char *receiver, const char *note,
                         time_t step_due);

/* ---- the dossier's pages (view_dossier.h shows them) -------------------- */

/* The columns of dossier_page.d, one row (dossier_page_read folds the public
 * page's row per event into it): the dossier as its pages print it
 * (dates local; the applicant's and the officer's columns NULL on the public
 * page). */
enum dossier_page_col {
    DP_CODE,
    DP_PROCEDURE,
    DP_NATIONAL_CODE,
    DP_FIELD,
    DP_UNIT,
    DP_UNIT_ADDRESS,
    DP_UNIT_HOTLINE,
    DP_STATUS,
    DP_RECEIVED,
    DP_DUE,
    DP_ORIGINAL_DUE,
    DP_FINISHED,
    DP_RETURNED,
    DP_TIME_VALUE,
    DP_TIME_UNIT,
    DP_PROC_UNIT,
    DP_FEE,
    DP_COLLECT,
    DP_CHANNEL,
    DP_SETS,
    DP_DOCUMENTS,
    DP_NAME,
    DP_ADDRESS,
    DP_PHONE,
    DP_EMAIL,
    DP_OFFICER,
    DP_COUNTER_NAME,
    DP_BOOK_SEQ,
    DP_REAPPOINTMENTS,
    DP_STATUTORY_TS,
    DP_FINISHED_TS,
    DP_WAIT_CLOCK,
    DP_CYCLE,
    DP_STATUTORY,
    DP__COUNT
};
/* dossier_page.cycles: its processing cycles in order */
enum dossier_cycle_col {
    DC_N,
    DC_STARTED,
    DC_STATUTORY,
    DC_PAUSED_DAYS,
    DC_ENDED,
    DC_END_REASON,
    DC__COUNT
};
/* dossier_page.rule, one row: the supplement rules of its legal version */
enum dossier_rule_col { DR_TITLE, DR_WITHIN_DAYS, DR_MAX_RESTARTS, DR_SUPPLEMENT, DR__COUNT };
/* dossier_page.papers, one row: its legal version's papers ("TT01", "TT03") */
enum dossier_papers_col {
    DPP_PAPERS,
    DPP_LEGAL_TITLE,
    DPP_LEAD_DAYS,
    DPP_LEAD_UNIT,
    DPP_MAX_REAPPOINT,
    DPP__COUNT
};
/* dossier_page.agency, one row (staff): the receiving agency's parent, place
 * and head, the day of receipt, the book volume, the competent agency */
enum dossier_agency_col {
    DA_PARENT,
    DA_PLACE,
    DA_HEAD_TITLE,
    DA_RECV_D,
    DA_RECV_M,
    DA_RECV_Y,
    DA_BOOK_VOLUME,
    DA_COMPETENT,
    DA_LEGAL_BASIS,
    DA__COUNT
};
/* dossier_page.steps: the hand-overs in order (giver, receiver, note and
 * handed_p, the papers' time format, for staff only) */
enum dossier_step_col {
    DST_SEQ,
    DST_FROM,
    DST_TO,
    DST_GIVER,
    DST_RECEIVER,
    DST_HANDED,
    DST_DUE,
    DST_DONE,
    DST_RESULT,
    DST_NOTE,
    DST_HANDED_P,
    DST__COUNT
};
/* dossier_page.events: the public events in order, with the number of the
 * paper a move issued and where and when it was issued (DE_PARENT on: staff) */
enum dossier_event_col {
    DE_EVENT,
    DE_UNIT,
    DE_BODY,
    DE_AT,
    DE_PAPER_NO,
    DE_PARENT,
    DE_PLACE,
    DE_AT_D,
    DE_AT_M,
    DE_AT_Y,
    DE_ID,
    DE_AT_P,
    DE__COUNT
};
/* dossier_page.apologies: its apology letters in order; kept: whether the
 * letter's new date was kept ("kept", "missed", "pending", NULL); may_sign:
 * 1 when the acting leader may sign the draft */
enum dossier_apology_col {
    DAP_ID,
    DAP_NUMBER,
    DAP_STATUS,
    DAP_REASON_CODE,
    DAP_REASON_TEXT,
    DAP_OLD_DUE,
    DAP_NEW_DUE,
    DAP_SIGNER_NAME,
    DAP_SIGNER_TITLE,
    DAP_SIGNED,
    DAP_ON_TIME,
    DAP_DELIVERY,
    DAP_DELIVERED,
    DAP_UNIT,
    DAP_DRAFTED,
    DAP_SIGN_MODE,
    DAP_KEPT,
    DAP_SIGNER_POSITION,
    DAP_PARENT,
    DAP_PLACE,
    DAP_SIGNED_D,
    DAP_SIGNED_M,
    DAP_SIGNED_Y,
    DAP_MAY_SIGN,
    DAP_HEAD_TITLE,
    DAP__COUNT
};

/* Everything of one dossier its pages and papers show.  d has no row when
 * there is no such dossier (the rest is then empty). */
struct dossier_page {
    int staff;            /* read for staff (dossier_staff_page) */
    struct dbres d;       /* enum dossier_page_col */
    const char *lateness; /* its verdict by name (L.Dossier.Late.<name>) */
    struct dbres rule, papers;
    /* staff only (the citizen's page shows none of them); coagencies: the
     * names of the other agencies it was handed to */
    struct dbres cycles, agency, coagencies, steps;
    struct dbres events;
    struct dbres apologies; /* the public page: signed letters only */
    /* the consent to messages: when given (NULL: never), when withdrawn ("" while it stands) */
    const char *consent_given, *consent_withdrawn;
    /* staff, while received or processing: what a supplement request would
     * do to the clock now (a wait_clock value), else NULL */
    const char *supplement_now;
};

/* For staff pages and papers; for the public page use dossier_public_page. */
enum db_rc dossier_staff_page(struct sctx *x, const struct dossier_row *d, struct dossier_page *pg);

/* The citizen's page: by the QR link's dossier id, no personal data of officers. */
enum db_rc dossier_public_page(struct sctx *x, long long dossier_id, struct dossier_page *pg);

/* The columns of dossier_list.rows: received, due, statutory: local days;
 * statutory_ts, finished_ts: unix times (0: not finished); apologies: how many. */
enum dossier_list_col {
    DL_CODE,
    DL_PROCEDURE,
    DL_APPLICANT,
    DL_STATUS,
    DL_RECEIVED,
    DL_DUE,
    DL_STATUTORY_TS,
    DL_FINISHED_TS,
    DL_UNIT,
    DL_PROCUNIT,
    DL_APOLOGIES,
    DL_WAIT_CLOCK,
    DL_STATUTORY,
    DL__COUNT
};

struct dossier_list {
    struct dbres rows;     /* enum dossier_list_col */
    const char **lateness; /* each row's verdict by name (L.Dossier.Late.<name>) */
};

/* A page of the dossiers of the user's unit (or subtree) by filter ("all",
 * "open", "late", "near" or a status): in progress first, by statutory
 * appointment. */
enum db_rc dossier_list(struct sctx *x, const char *filter, int page, int per_page,
                        struct dossier_list *l);

/* ---- apologies ---------------------------------------------------------- */

/* Draft by the processing unit: reason, proposed new date (local day).
 * DB_DUP: the dossier cannot take (another) re-appointment. */
enum db_rc apology_draft(struct sctx *x, const struct dossier_row *d, const char *reason_code,
                         const char *reason_text, int new_day, long long *apology_id);
/* *ok = 0 when the dossier has had its allowed re-appointments or a draft waits. */
enum db_rc apology_can_draft(struct sctx *x, const struct dossier_row *d, int *ok);
/* *ok = 1 when the user may sign the letter (the rule of apology_sign). */
enum db_rc apology_may_sign(struct sctx *x, long long apology_id, int *ok);
/* A leader signs the letter apology_id of dossier d: number, signer, on-time
 * flag; the appointment moves.  A leader of the issuing agency signs as its
 * head (title: the head's title) or, deputy, "KT." with its own position; a
 * leader of the parent agency only as the issuing agency's parent_signs says
 * ("KT.", "TL.", "TUQ."), for its head_title.  DB_DUP: not a draft of d, or
 * the user may not sign it. */
enum db_rc apology_sign(struct sctx *x, const struct dossier_row *d, long long apology_id,
                        int deputy, const char *title, const char *position);
/* Record how and when the letter reached the citizen: only the apology of
 * dossier d, and only by d's receiving unit or a leader above it (DB_DUP). */
enum db_rc apology_deliver(struct sctx *x, const struct dossier_row *d, long long apology_id,
                           const char *channel);

/* Add to the daily dossier aggregates of a unit, counter and officer (0 = skip)
 * for the local day of `when`.  timeliness: -1 early, 0 on time, 1 late. */
enum db_rc stat_dossier(struct sctx *x, long long unit, long long counter, long long officer,
                        time_t when, int received, int finished, int timeliness, int delay,
                        int apologies, int apo_late);

/* Late dossiers that were already re-appointed once: to the unit above (tick). */
enum db_rc dossier_escalate_late(struct sctx *x, int *n);

/* Cycle n of a dossier starts at `start` (the complete dossier received) with
 * its statutory appointment `due` (the one its receipt prints). */
enum db_rc dossier_cycle_open(struct sctx *x, long long dossier_id, int n, time_t start,
                              time_t due);

/* Give every dossier recorded before processing cycles existed its cycles:
 * one for a dossier never asked for documents; for the others, its supplement
 * requests replayed from its events under the rules of its legal version (the
 * statutory appointment, the appointment in force and wait_clock follow).
 * Dossiers that have cycles are left alone, so it may run any number of times.
 * *replayed: dossiers replayed from their events. */
enum db_rc dossier_cycles_fill(struct sctx *x, int *replayed);

#endif
