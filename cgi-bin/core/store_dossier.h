/* store_dossier.h — dossiers (their receipt), hand-overs (the control slip), their state
 * machine, lateness, and apology letters.  The SQL lives here. */
#ifndef MOTCUA_STORE_DOSSIER_H
#define MOTCUA_STORE_DOSSIER_H

#include "db.h"
#include "fsm.h"
#include "http.h"

enum dossier_state { DS_RECEIVED, DS_PROCESSING, DS_SUPPLEMENT, DS_REFUSED, DS_STOPPED, DS_READY,
                     DS_RETURNED, DS__COUNT };

extern const char *const dossier_states[DS__COUNT];

enum dossier_move { DM_FORWARD, DM_SUPPLEMENT, DM_SUPPLIED, DM_REFUSE, DM_STOP, DM_READY,
                    DM_RETURN, DM__COUNT };

/* What a state means (dossier_fsm.flags): the dossier is still being handled
 * (an apology letter can re-appoint it). */
#define DSF_OPEN 1u

/* The whole state machine: state × move → state, and who may (fsm.h). */
extern const struct fsm dossier_fsm;

/* 1 if the move is allowed from the state (dossier_fsm, for staff). */
int dossier_move_allowed(enum dossier_state from, enum dossier_move m);
/* The state a move leads to (DM_FORWARD keeps or enters processing). */
enum dossier_state dossier_move_target(enum dossier_state from, enum dossier_move m);
int dossier_state_parse(const char *s);
/* 1 if state `to` equals `from` or some sequence of allowed moves leads there. */
int dossier_state_reachable(int from, int to);

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
enum db_rc dossier_create(struct req *r, const struct dossier_in *in, char *code_out);

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
enum db_rc dossier_get(struct req *r, const char *code, struct dossier_row *d);

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
enum db_rc dossier_apply(struct req *r, const struct dossier_row *d, enum dossier_move m,
                         long long to_unit, const char *receiver, const char *note,
                         time_t step_due);

/* Everything of one dossier for staff pages and papers (Page.D, Page.Steps, Page.Events,
 * Page.Apologies).  For the public page use dossier_public_hdf. */
enum db_rc dossier_staff_hdf(struct req *r, const struct dossier_row *d);

/* The citizen's page: by the QR link's dossier id, no personal data of officers. */
enum db_rc dossier_public_hdf(struct req *r, long long dossier_id);

/* Lists of the user's unit (or subtree): in progress with their lateness. */
enum db_rc dossier_list(struct req *r, const char *filter, int page, int per_page);

/* ---- apologies ---------------------------------------------------------- */

/* Draft by the processing unit: reason, proposed new date (local day).
 * DB_DUP: the dossier cannot take (another) re-appointment. */
enum db_rc apology_draft(struct req *r, const struct dossier_row *d, const char *reason_code,
                         const char *reason_text, int new_day, long long *apology_id);
/* *ok = 0 when the dossier has had its allowed re-appointments or a draft waits. */
enum db_rc apology_can_draft(struct req *r, const struct dossier_row *d, int *ok);
/* *ok = 1 when the user may sign the letter (the rule of apology_sign). */
enum db_rc apology_may_sign(struct req *r, long long apology_id, int *ok);
/* A leader signs the letter apology_id of dossier d: number, signer, on-time
 * flag; the appointment moves.  A leader of the issuing agency signs as its
 * head (title: the head's title) or, deputy, "KT." with its own position; a
 * leader of the parent agency only as the issuing agency's parent_signs says
 * ("KT.", "TL.", "TUQ."), for its head_title.  DB_DUP: not a draft of d, or
 * the user may not sign it. */
enum db_rc apology_sign(struct req *r, const struct dossier_row *d, long long apology_id, int deputy,
                        const char *title, const char *position);
/* Record how and when the letter reached the citizen: only the apology of
 * dossier d, and only by d's receiving unit or a leader above it (DB_DUP). */
enum db_rc apology_deliver(struct req *r, const struct dossier_row *d, long long apology_id,
                           const char *channel);

/* Add to the daily dossier aggregates of a unit, counter and officer (0 = skip)
 * for the local day of `when`.  timeliness: -1 early, 0 on time, 1 late. */
enum db_rc stat_dossier(struct req *r, long long unit, long long counter, long long officer,
                        time_t when, int received, int finished, int timeliness, int delay,
                        int apologies, int apo_late);

/* Late dossiers that were already re-appointed once: to the unit above (tick). */
enum db_rc dossier_escalate_late(struct req *r, int *n);

/* Cycle n of a dossier starts at `start` (the complete dossier received) with
 * its statutory appointment `due` (the one its receipt prints). */
enum db_rc dossier_cycle_open(struct req *r, long long dossier_id, int n, time_t start, time_t due);

/* Give every dossier recorded before processing cycles existed its cycles:
 * one for a dossier never asked for documents; for the others, its supplement
 * requests replayed from its events under the rules of its legal version (the
 * statutory appointment, the appointment in force and wait_clock follow).
 * Dossiers that have cycles are left alone, so it may run any number of times.
 * *replayed: dossiers replayed from their events. */
enum db_rc dossier_cycles_fill(struct req *r, int *replayed);

#endif
