/* demo_gen.c — the demo data generator (see demo_gen.h).
 *
 * Shape of the work: the days of the last ten years get weights (recent years
 * busier, Tết quieter, Mondays busier); the dossiers are spread over them and
 * generated in time order, so ids and the per-unit daily codes follow the clock.
 * Each dossier's life (hand-overs, lateness, apology, return) is simulated with
 * the working-day engine.  Ratings, feedback cases and apology letters are
 * collected in memory, sorted by time and written after the dossiers.  The
 * aggregates are counted in memory and added at the end; the inbox's counts
 * (feedback_count) are counted from the cases written, in one statement.
 *
 * Writing: every table has one fixed INSERT … SELECT … FROM JSON_TABLE(?)
 * statement, prepared once; a batch of up to BATCH_ROWS rows travels as one
 * bound JSON parameter (db.c binds at most DB_MAX_ARGS parameters, so multi-row
 * placeholders cannot carry 500 rows).  Batches commit every CHUNK dossiers.
 * Randomness is splitmix64 from --seed: no rand(), no clock but "now". */
#include "demo_gen.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "db.h"
#include "http.h"
#include "search.h"
#include "stats.h"
#include "store_dossier.h"
#include "token.h"
#include "util.h"

#define BATCH_ROWS 1000
#define BATCH_BYTES (4u << 20)
#define CHUNK 4000 /* dossiers per transaction */
#define YEARS 10
#define MAX_SLOTS 256   /* units + counters + officers with aggregates */
#define OPEN_SHARE 0.05 /* dossiers still in progress */
#define OPEN_WINDOW 60  /* ... received within this many working days */
#define SHOWCASE_N 7    /* the apology workflow's dossiers (showcase), part of the count */

/* ---- randomness -------------------------------------------------------- */

struct rng {
    uint64_t s;
};

/* splitmix64's finaliser: a bijection, so distinct inputs give distinct outputs
 * (used for references that must be unique). */
static uint64_t
mix64(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t
rnd(struct rng *g)
{
    g->s += 0x9e3779b97f4a7c15ULL;
    return mix64(g->s - 0x9e3779b97f4a7c15ULL);
}

/* Uniform in [0, n); n = 0 gives 0. */
static long long
below(struct rng *g, long long n)
{
    return n <= 0 ? 0 : (long long)(((unsigned __int128)rnd(g) * (uint64_t)n) >> 64);
}

static double
unit01(struct rng *g)
{
    return (double)(rnd(g) >> 11) * 0x1.0p-53;
}

static int
chance(struct rng *g, double p)
{
    return unit01(g) < p;
}

/* Inclusive range. */
static long long
between(struct rng *g, long long lo, long long hi)
{
    return hi <= lo ? lo : lo + below(g, hi - lo + 1);
}

#define PICK(g, arr) ((arr)[below((g), (long long)NELEM(arr))])

/* ---- Vietnamese material ----------------------------------------------- */

struct name {
    const char *vi, *ascii;
    int weight;
};

static const struct name family[] = {
    {"Nguyễn", "nguyen", 380}, {"Trần", "tran", 110},  {"Lê", "le", 95},
    {"Phạm", "pham", 70},      {"Hoàng", "hoang", 50}, {"Huỳnh", "huynh", 20},
    {"Phan", "phan", 45},      {"Vũ", "vu", 39},       {"Võ", "vo", 15},
    {"Đặng", "dang", 21},      {"Bùi", "bui", 20},     {"Đỗ", "do", 14},
    {"Hồ", "ho", 13},          {"Ngô", "ngo", 13},     {"Dương", "duong", 10},
    {"Lý", "ly", 5},           {"Đinh", "dinh", 12},   {"Trịnh", "trinh", 8},
    {"Mai", "mai", 6},         {"Lương", "luong", 5},  {"Đào", "dao", 6},
    {"Tạ", "ta", 3},           {"Cao", "cao", 4},      {"Hà", "ha", 4},
};
static const struct name middle_m[] = {
    {"Văn", "van", 40},    {"Hữu", "huu", 8},     {"Minh", "minh", 10}, {"Đức", "duc", 8},
    {"Quang", "quang", 6}, {"Thanh", "thanh", 6}, {"Công", "cong", 5},  {"Xuân", "xuan", 4},
    {"Ngọc", "ngoc", 3},   {"Duy", "duy", 4},     {"Tiến", "tien", 3},  {"Anh", "anh", 3},
};
static const struct name middle_f[] = {
    {"Thị", "thi", 45},  {"Ngọc", "ngoc", 8}, {"Thu", "thu", 7},       {"Thanh", "thanh", 6},
    {"Minh", "minh", 5}, {"Hồng", "hong", 5}, {"Phương", "phuong", 4}, {"Kim", "kim", 4},
    {"Thùy", "thuy", 4}, {"Mai", "mai", 3},   {"Bích", "bich", 3},     {"Hải", "hai", 3},
};
static const struct name given_m[] = {
    {"An", "an", 5},       {"Bình", "binh", 5}, {"Cường", "cuong", 5}, {"Dũng", "dung", 6},
    {"Đạt", "dat", 5},     {"Đức", "duc", 5},   {"Hải", "hai", 5},     {"Hiếu", "hieu", 4},
    {"Hùng", "hung", 6},   {"Huy", "huy", 5},   {"Khánh", "khanh", 4}, {"Khoa", "khoa", 3},
    {"Long", "long", 5},   {"Minh", "minh", 7}, {"Nam", "nam", 6},     {"Nghĩa", "nghia", 3},
    {"Phong", "phong", 4}, {"Phúc", "phuc", 4}, {"Quân", "quan", 5},   {"Quang", "quang", 4},
    {"Sơn", "son", 5},     {"Tài", "tai", 3},   {"Thắng", "thang", 5}, {"Thành", "thanh", 5},
    {"Trung", "trung", 5}, {"Tuấn", "tuan", 7}, {"Tùng", "tung", 4},   {"Việt", "viet", 4},
    {"Vinh", "vinh", 4},   {"Hưng", "hung", 4},
};
static const struct name given_f[] = {
    {"An", "an", 4},       {"Anh", "anh", 7},     {"Chi", "chi", 5},     {"Dung", "dung", 4},
    {"Giang", "giang", 4}, {"Hà", "ha", 6},       {"Hạnh", "hanh", 4},   {"Hằng", "hang", 5},
    {"Hoa", "hoa", 5},     {"Hương", "huong", 7}, {"Huyền", "huyen", 5}, {"Lan", "lan", 6},
    {"Linh", "linh", 7},   {"Loan", "loan", 3},   {"Mai", "mai", 6},     {"Ngân", "ngan", 4},
    {"Ngọc", "ngoc", 4},   {"Nhung", "nhung", 4}, {"Oanh", "oanh", 3},   {"Phương", "phuong", 5},
    {"Quỳnh", "quynh", 4}, {"Thảo", "thao", 6},   {"Thủy", "thuy", 5},   {"Trang", "trang", 7},
    {"Tuyết", "tuyet", 3}, {"Uyên", "uyen", 3},   {"Vân", "van", 4},     {"Yến", "yen", 5},
    {"Hiền", "hien", 4},   {"Nga", "nga", 4},
};

static const char *const streets[] = {
    "Trần Hưng Đạo", "Lê Hồng Phong",      "Đinh Tiên Hoàng", "Lê Đại Hành",    "Lương Văn Thụy",
    "Nguyễn Huệ",    "Hải Thượng Lãn Ông", "Phạm Văn Nghị",   "Xuân Thành",     "Vân Giang",
    "Tuệ Tĩnh",      "Nguyễn Công Trứ",    "Lê Thái Tổ",      "Hoàng Hoa Thám", "Trương Hán Siêu",
};
static const char *const wards[] = {
    "phường Hoa Lư",   "phường Hoa Lư", "phường Hoa Lư",
    "phường Tam Điệp", "phường Phủ Lý", "phường Nam Định",
};
static const char *const villages[] = {
    "Thôn Đông Chưởng", "Thôn Hoàng Xá", "Thôn Văn Bòng", "Thôn Tập Ninh", "Thôn Kỳ Vĩ",
    "Thôn Bạch Cừ",     "Xóm 3",         "Xóm 5",         "Xóm Đình",      "Thôn Trung Hòa",
};
static const char *const communes[] = {
    "xã Gia Viễn", "xã Gia Viễn", "xã Gia Hưng",  "xã Nho Quan",
    "xã Yên Mô",   "xã Kim Sơn",  "xã Yên Khánh",
};
static const char *const phone_prefix[] = {
    "090", "091", "093", "094", "096", "097", "098", "098", "097", "091",
    "088", "086", "035", "036", "038", "039", "070", "077", "083", "085",
};
static const char *const mail_host[] = {
    "gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "ninhbinh.gov.vn",
};

/* Apology reasons: codes as the officer form lists them (officer.c). */
struct reason {
    const char *code, *text;
};
static const struct reason reasons_land[] = {
    {"site_visit", "Cần kiểm tra hiện trạng thực địa thửa đất trước khi giải quyết hồ sơ."},
    {"coordination", "Đang chờ cơ quan thuế xác định nghĩa vụ tài chính đối với hồ sơ."},
    {"verification", "Cần xác minh nguồn gốc sử dụng đất với Ủy ban nhân dân cấp xã nơi có đất."},
    {"workload",
     "Số lượng hồ sơ đất đai tiếp nhận trong kỳ tăng đột biến, chưa kịp thẩm định xong."},
};
static const struct reason reasons_other[] = {
    {"workload",
     "Số lượng hồ sơ tiếp nhận trong kỳ tăng đột biến, cơ quan chưa kịp thẩm định xong hồ sơ."},
    {"coordination", "Đang chờ ý kiến phối hợp của cơ quan có liên quan."},
    {"verification", "Cần xác minh thêm thông tin trong hồ sơ với cơ quan đã cấp giấy tờ."},
    {"missing_info",
     "Thông tin trong tờ khai chưa khớp với Cơ sở dữ liệu quốc gia về dân cư, cần đối chiếu lại."},
    {"system", "Sự cố kết nối hệ thống thông tin giải quyết thủ tục hành chính làm gián đoạn việc "
               "xử lý hồ sơ."},
};
static const char *const supplement_notes[] = {
    "Đề nghị bổ sung bản sao giấy tờ chứng minh nơi cư trú.",
    "Đề nghị bổ sung văn bản ủy quyền có chứng thực.",
    "Bản vẽ chưa thể hiện đủ mặt cắt công trình, đề nghị bổ sung.",
    "Đề nghị bổ sung tờ khai lệ phí trước bạ có chữ ký của bên nhận chuyển nhượng.",
    "Đề nghị bổ sung bản chính giấy tờ để đối chiếu.",
};

/* Feedback kinds as in feedback_kind (002_citizen.sql). */
enum { FK_PETITION, FK_CONDUCT, FK_SUGGESTION, FK_PRAISE, FK__COUNT };
static const char *const fk_code[FK__COUNT] = {"petition", "conduct", "suggestion", "praise"};

static const char *const fb_petition[] = {
    "Đề nghị giảm bớt thành phần hồ sơ khi cấp Phiếu lý lịch tư pháp, vì thông tin cư trú đã có "
    "trong Cơ sở dữ liệu quốc gia về dân cư.",
    "Thủ tục đăng ký biến động đất đai yêu cầu nộp bản gốc Giấy chứng nhận nhưng thời gian chờ quá "
    "lâu, đề nghị rút ngắn thời gian giải quyết.",
    "Mức phí thẩm định hồ sơ cấp giấy phép xây dựng niêm yết tại quầy khác với mức phí trên Cổng "
    "dịch vụ công, đề nghị thống nhất.",
    "Đề nghị cho phép nộp hồ sơ đăng ký hộ kinh doanh hoàn toàn trực tuyến, không phải đến quầy ký "
    "lại.",
    "Biểu mẫu tờ khai đăng ký khai sinh tại quầy vẫn là mẫu cũ, đề nghị cập nhật theo quy định "
    "mới.",
    "Đề nghị niêm yết rõ thời gian trả kết quả chứng thực khi nộp hồ sơ sau 15 giờ.",
    "Hệ thống dịch vụ công trực tuyến thường xuyên báo lỗi khi thanh toán lệ phí, đề nghị khắc "
    "phục.",
    "Đề nghị bố trí thêm quầy tiếp nhận hồ sơ đất đai vào sáng thứ Hai vì lượng người rất đông.",
};
static const char *const fb_conduct[] = {
    "Tôi chờ hơn hai tiếng ở quầy mà không được hướng dẫn, cán bộ thái độ thiếu nhiệt tình.",
    "Cán bộ yêu cầu nộp thêm giấy tờ không có trong danh mục thành phần hồ sơ đã niêm yết.",
    "Hồ sơ của tôi đã quá hạn hẹn trả nhưng tôi không nhận được thông báo hay văn bản xin lỗi.",
    "Cán bộ quầy dùng điện thoại riêng trong giờ làm việc, để người dân chờ lâu.",
    "Tôi bị trả hồ sơ hai lần, mỗi lần yêu cầu bổ sung một giấy tờ khác nhau, không được hướng dẫn "
    "một lần bằng văn bản.",
    "Cán bộ gợi ý nộp qua dịch vụ bên ngoài để được giải quyết nhanh hơn.",
    "Cán bộ trả kết quả trả lời cộc cằn khi tôi hỏi lại về lệ phí.",
};
static const char *const fb_suggestion[] = {
    "Nên bố trí thêm ghế chờ và nước uống tại khu vực tiếp nhận hồ sơ.",
    "Đề nghị có máy lấy số thứ tự và màn hình hiển thị số đang được phục vụ.",
    "Nên mở cửa tiếp nhận vào sáng thứ Bảy để người đi làm có thể nộp hồ sơ.",
    "Đề nghị có hướng dẫn bằng hình ảnh cách nộp hồ sơ trực tuyến tại khu vực chờ.",
    "Nên có chỗ để xe máy có mái che cho người dân đến làm thủ tục.",
    "Đề nghị gửi tin nhắn thông báo khi hồ sơ đã có kết quả.",
};
static const char *const fb_praise[] = {
    "Cảm ơn cán bộ quầy đã hướng dẫn tận tình, tôi làm xong thủ tục chỉ trong buổi sáng.",
    "Hồ sơ được trả trước hẹn hai ngày, cảm ơn Trung tâm.",
    "Cán bộ nhiệt tình, giải thích rõ ràng từng giấy tờ cần chuẩn bị. Rất hài lòng.",
    "Cảm ơn cán bộ đã chủ động gọi điện báo khi hồ sơ có kết quả.",
};
static const char *const *const fb_content[FK__COUNT] = {fb_petition, fb_conduct, fb_suggestion,
                                                         fb_praise};
static const size_t fb_ncontent[FK__COUNT] = {NELEM(fb_petition), NELEM(fb_conduct),
                                              NELEM(fb_suggestion), NELEM(fb_praise)};
static const char *const fb_answer[FK__COUNT][2] = {
    {"Cảm ơn Ông/Bà đã phản ánh. Thành phần hồ sơ hiện thực hiện theo văn bản quy phạm pháp luật "
     "đã công bố; kiến nghị của Ông/Bà đã được tổng hợp gửi cơ quan có thẩm quyền xem xét sửa đổi.",
     "Trung tâm đã cập nhật niêm yết thống nhất tại quầy và trên Cổng dịch vụ công theo Nghị quyết "
     "của Hội đồng nhân dân tỉnh. Cảm ơn Ông/Bà đã phản ánh."},
    {"Trung tâm đã làm việc với cán bộ liên quan, yêu cầu kiểm điểm và chấn chỉnh thái độ phục vụ. "
     "Trung tâm xin lỗi Ông/Bà về sự việc.",
     "Qua xác minh, hồ sơ của Ông/Bà bị chậm do chờ ý kiến cơ quan phối hợp; cơ quan giải quyết đã "
     "gửi văn bản xin lỗi và hẹn lại ngày trả kết quả. Trung tâm xin lỗi vì chưa thông báo kịp "
     "thời."},
    {"Cảm ơn góp ý của Ông/Bà. Trung tâm sẽ bố trí thực hiện trong tháng tới.",
     "Trung tâm ghi nhận góp ý và sẽ báo cáo lãnh đạo xem xét trong kế hoạch cải cách hành chính "
     "năm sau."},
    {"Trung tâm cảm ơn Ông/Bà đã ghi nhận. Ý kiến của Ông/Bà đã được chuyển đến cán bộ và đơn vị.",
     "Cảm ơn Ông/Bà. Trung tâm sẽ tiếp tục nâng cao chất lượng phục vụ."},
};
static const char *const fb_reject =
    "Nội dung không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính; đề nghị Ông/Bà gửi "
    "đơn theo quy định của Luật Khiếu nại.";
static const char *const fb_info =
    "Đề nghị Ông/Bà cho biết mã hồ sơ và thời gian đến quầy để Trung tâm xác minh.";

static const char *const comments[3][4] = {
    {"Chờ quá lâu, không được hướng dẫn.", "Hồ sơ trễ hẹn mà không được báo trước.",
     "Thái độ cán bộ chưa tốt.", "Phải đi lại nhiều lần."},
    {"Phải chờ hơi lâu.", "Tạm được.", "Thủ tục còn nhiều giấy tờ.", "Khu vực chờ hơi chật."},
    {"Cán bộ nhiệt tình, hướng dẫn rõ ràng.", "Nhanh gọn, đúng hẹn.", "Rất hài lòng.",
     "Trả kết quả trước hẹn, cảm ơn."},
};

/* ---- what each field means to the generator ---------------------------- */

struct field_rule {
    const char *suffix; /* after "H41-" */
    const char *dept;   /* provincial department that decides (unit code), or NULL */
    double weight;      /* share of the dossiers */
    double late;        /* chance of finishing after the due date */
    const char *kw[3];  /* counter names that serve it */
    int land;           /* land reasons for apologies */
};

static const struct field_rule field_rules[] = {
    {"HT", "000.00.10.H41", 20, 0.05, {"hộ tịch", "Tư pháp", NULL}, 0},
    {"CT", "000.00.10.H41", 30, 0.03, {"chứng thực", "Tư pháp", NULL}, 0},
    {"TP", "000.00.10.H41", 8, 0.10, {"Tư pháp", NULL, NULL}, 0},
    {"DD", "000.00.11.H41", 15, 0.30, {"Đất đai", NULL, NULL}, 1},
    {"XD", "000.00.12.H41", 4, 0.20, {"Xây dựng", NULL, NULL}, 1},
    {"KD", NULL, 5, 0.07, {NULL, NULL, NULL}, 0},
    {"MT", "000.00.11.H41", 2, 0.16, {"môi trường", "Đất đai", NULL}, 1},
    {"LD", NULL, 6, 0.10, {NULL, NULL, NULL}, 0},
    {"GT", "000.00.12.H41", 5, 0.08, {"Xây dựng", NULL, NULL}, 0},
    {"VH", NULL, 2, 0.06, {NULL, NULL, NULL}, 0},
};
static const struct field_rule field_default = {"", NULL, 3, 0.10, {NULL, NULL, NULL}, 0};

/* The demo province (sql/demo/010_units.sql): the generator needs all of it. */
static const char *const demo_units[] = {
    "000.00.00.H41", "000.00.01.H41", "000.00.10.H41", "000.00.11.H41", "000.00.12.H41",
    "000.21.00.H41", "000.21.01.H41", "000.22.00.H41", "000.22.01.H41",
};

/* ---- the model read from the database ---------------------------------- */

struct g_unit {
    long long id, parent;
    const char *code, *level, *name;
    long long unit_link;
    const char *staff[4]; /* names used as giver/receiver on the control slip */
    int nstaff;
};

struct g_counter {
    long long id, unit_id, link;
    const char *name;
};

struct g_user {
    long long id, unit_id, counter_id, link;
    const char *role, *name, *title;
};

struct g_proc {
    long long id, unit_id;
    int commune, tvalue, cutoff, teff;
    enum cal_unit tunit;
    const struct field_rule *rule;
    double cum; /* cumulative weight, for picking */
};

/* ---- the output side --------------------------------------------------- */

struct jbatch {
    const char *sql; /* fixed INSERT … FROM JSON_TABLE(?), prepared once */
    struct buf j;
    size_t rows;
    int col;
};

/* one aggregate table in memory: per (scope, id) slot a row of ncols per day */
struct statset {
    int ncols, ndays, first;
    int nslot;
    struct {
        int scope; /* 0 unit, 1 counter, 2 officer */
        long long id;
        int *v;
    } slot[MAX_SLOTS];
};

struct seq_entry {
    char scope[48];
    int day;
    long long n;
    int dirty, persist;
};

struct seqmap {
    struct seq_entry *e;
    size_t cap, n;
};

struct g_apology {
    long long dossier_id, unit_id, drafted_by, signer_id;
    long long d_unit, d_counter, d_officer;
    time_t old_due, new_due, drafted, signed_at, delivered;
    const char *signer_name, *signer_title, *sign_mode, *signer_position;
    const struct reason *reason;
    int on_time, delivery, number;
};

struct g_rating {
    time_t at;
    long long dossier_id, link, unit, counter, officer;
    signed char level, c[4], comment, channel;
};

struct g_feedback {
    time_t created, classified, due, forward_due, paused, answered, closed, escalated;
    long long dossier_id, link, unit, counter, officer, assigned;
    int kind, identity, status, satisfied, content, answer, rejected, info;
    int fam, mid, giv, female, has_email, has_address;
    unsigned phone;
};

enum {
    FS_NEW,
    FS_ACCEPTED,
    FS_CONDUCT,
    FS_REJECTED,
    FS_NEED_INFO,
    FS_ANSWERED,
    FS_CLOSED,
    FS_REVIEW
};
static const char *const fs_name[] = {"new",       "accepted", "conduct", "rejected",
                                      "need_info", "answered", "closed",  "review"};

struct gen {
    struct sctx *x;
    struct db *db;
    const struct cal *cal;
    const struct demo_opts *o;
    struct pool p;   /* the model: lives as long as the run */
    struct pool tmp; /* one chunk of dossiers' strings */
    const char **fb_folded[FK__COUNT]; /* fb_content as indexed, made on first use */
    struct rng g;
    time_t now;
    int today, first; /* local days */

    struct g_unit *units;
    size_t nunits;
    struct g_counter *counters;
    size_t ncounters;
    struct g_user *users;
    size_t nusers;
    struct g_proc *procs;
    size_t nprocs;
    long long *commune_centres;
    size_t ncommune;
    int answer_days[FK__COUNT], forward_days[FK__COUNT];
    int lead_days, lead_calendar;

    struct jbatch b_dossier, b_step, b_event, b_qr, b_apology, b_rating, b_fb, b_fbev, b_dstat,
        b_fstat, b_seq;
    long long next_dossier, next_qr, next_fb, first_fb;

    struct g_apology *apos;
    size_t napos, capos;
    struct g_rating *ratings;
    size_t nratings, cratings;
    struct g_feedback *fbs;
    size_t nfbs, cfbs;

    struct statset dstat, fstat;
    struct seqmap seq;
    struct replay *log; /* the open transaction's statements, to run again */
    size_t nlog, clog;

    long long rows, work_done, work_total;
    double t0, last_draw;
    int last_decile, tty;
};

/* ---- statements -------------------------------------------------------- */

static const char sql_dossier[] =
    "INSERT INTO dossier (id, code, unit_id, counter_id, officer_id, procedure_id,"
    "  processing_unit_id, applicant_name, applicant_address, applicant_phone, applicant_email,"
    "  documents, sets, channel, collect, status, received_at, due_at, original_due_at, paused_at,"
    "  finished_at, returned_at, reappointments, escalated_at, book_volume, book_seq)"
    " SELECT j_id, j_code, j_unit, NULLIF(j_counter, 0), NULLIF(j_officer, 0), j_proc, j_pu,"
    "  j_name, j_addr, j_phone, j_email,"
    "  (SELECT p.documents FROM procedure_tthc p WHERE p.id = j_proc),"
    "  j_sets, j_channel, j_collect, j_status, FROM_UNIXTIME(j_recv), FROM_UNIXTIME(j_due),"
    "  FROM_UNIXTIME(j_odue), FROM_UNIXTIME(j_paused), FROM_UNIXTIME(j_fin), FROM_UNIXTIME(j_ret),"
    "  j_reap, FROM_UNIXTIME(j_esc), 1, j_book"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_id BIGINT PATH '$[0]', j_code VARCHAR(64) PATH '$[1]', j_unit INT PATH '$[2]',"
    "  j_counter INT PATH '$[3]', j_officer INT PATH '$[4]', j_proc INT PATH '$[5]',"
    "  j_pu INT PATH '$[6]', j_name VARCHAR(255) PATH '$[7]', j_addr VARCHAR(255) PATH '$[8]',"
    "  j_phone VARCHAR(20) PATH '$[9]', j_email VARCHAR(254) PATH '$[10]',"
    "  j_sets INT PATH '$[11]', j_channel VARCHAR(10) PATH '$[12]',"
    "  j_collect VARCHAR(10) PATH '$[13]', j_status VARCHAR(12) PATH '$[14]',"
    "  j_recv BIGINT PATH '$[15]', j_due BIGINT PATH '$[16]', j_odue BIGINT PATH '$[17]',"
    "  j_paused BIGINT PATH '$[18]', j_fin BIGINT PATH '$[19]', j_ret BIGINT PATH '$[20]',"
    "  j_reap INT PATH '$[21]', j_esc BIGINT PATH '$[22]', j_book INT PATH '$[23]')) AS j";

static const char sql_step[] =
    "INSERT INTO dossier_step (dossier_id, seq, from_unit_id, to_unit_id, giver, receiver,"
    "  handed_at, due_at, done_at, result, note)"
    " SELECT j_d, j_seq, j_from, j_to, j_giver, j_recv, FROM_UNIXTIME(j_h), FROM_UNIXTIME(j_due),"
    "  FROM_UNIXTIME(j_done), j_res, ''"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_d BIGINT PATH '$[0]', j_seq INT PATH '$[1]', j_from INT PATH '$[2]',"
    "  j_to INT PATH '$[3]', j_giver VARCHAR(255) PATH '$[4]', j_recv VARCHAR(255) PATH '$[5]',"
    "  j_h BIGINT PATH '$[6]', j_due BIGINT PATH '$[7]', j_done BIGINT PATH '$[8]',"
    "  j_res VARCHAR(10) PATH '$[9]')) AS j";

static const char sql_event[] =
    "INSERT INTO dossier_event (dossier_id, at, event, unit_id, body)"
    " SELECT j_d, FROM_UNIXTIME(j_at), j_ev, NULLIF(j_unit, 0), j_body"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_d BIGINT PATH '$[0]', j_at BIGINT PATH '$[1]', j_ev VARCHAR(32) PATH '$[2]',"
    "  j_unit INT PATH '$[3]', j_body TEXT PATH '$[4]')) AS j";

static const char sql_qr[] =
    "INSERT INTO qr_link (id, nonce, kind, unit_id, counter_id, officer_id, dossier_id, created_at)"
    " SELECT j_id, j_nonce, 'dossier', j_unit, NULLIF(j_counter, 0), NULLIF(j_officer, 0), j_d,"
    "  FROM_UNIXTIME(j_at)"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_id BIGINT PATH '$[0]', j_nonce VARCHAR(13) PATH '$[1]', j_unit INT PATH '$[2]',"
    "  j_counter INT PATH '$[3]', j_officer INT PATH '$[4]', j_d BIGINT PATH '$[5]',"
    "  j_at BIGINT PATH '$[6]')) AS j";

static const char sql_apology[] =
    "INSERT INTO apology (dossier_id, unit_id, number, status, reason_code, reason_text,"
    "  old_due_at, new_due_at, drafted_by, drafted_at, signer_id, signer_name, signer_title,"
    "  sign_mode, signer_position, signed_at, on_time, delivery, delivered_at)"
    " SELECT j_d, j_unit, j_num, j_st, j_rc, j_rt, FROM_UNIXTIME(j_old), FROM_UNIXTIME(j_new),"
    "  j_by, FROM_UNIXTIME(j_dr), NULLIF(j_sid, 0), j_sn, j_stt, j_sm, j_sp, FROM_UNIXTIME(j_sa),"
    "  j_ot, j_dl, FROM_UNIXTIME(j_da)"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_d BIGINT PATH '$[0]', j_unit INT PATH '$[1]', j_num VARCHAR(40) PATH '$[2]',"
    "  j_st VARCHAR(10) PATH '$[3]', j_rc VARCHAR(32) PATH '$[4]', j_rt TEXT PATH '$[5]',"
    "  j_old BIGINT PATH '$[6]', j_new BIGINT PATH '$[7]', j_by INT PATH '$[8]',"
    "  j_dr BIGINT PATH '$[9]', j_sid INT PATH '$[10]', j_sn VARCHAR(255) PATH '$[11]',"
    "  j_stt VARCHAR(255) PATH '$[12]', j_sa BIGINT PATH '$[13]', j_ot INT PATH '$[14]',"
    "  j_dl VARCHAR(10) PATH '$[15]', j_da BIGINT PATH '$[16]', j_sm VARCHAR(4) PATH '$[17]',"
    "  j_sp VARCHAR(255) PATH '$[18]')) AS j";

static const char sql_rating[] =
    "INSERT INTO rating (ref, qr_link_id, channel, unit_id, counter_id, officer_id, dossier_id,"
    "  level, c_attitude, c_time, c_trips, c_guidance, comment, client_hash, flagged, created_at,"
    "  updated_at)"
    " SELECT j_ref, NULLIF(j_link, 0), j_ch, j_unit, NULLIF(j_counter, 0), NULLIF(j_officer, 0),"
    "  NULLIF(j_d, 0), j_lv, j_c1, j_c2, j_c3, j_c4, j_cm, j_ch2, 0, FROM_UNIXTIME(j_at),"
    "  FROM_UNIXTIME(j_at)"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_ref VARCHAR(16) PATH '$[0]', j_link INT PATH '$[1]', j_ch VARCHAR(8) PATH '$[2]',"
    "  j_unit INT PATH '$[3]', j_counter INT PATH '$[4]', j_officer INT PATH '$[5]',"
    "  j_d BIGINT PATH '$[6]', j_lv INT PATH '$[7]', j_c1 INT PATH '$[8]', j_c2 INT PATH '$[9]',"
    "  j_c3 INT PATH '$[10]', j_c4 INT PATH '$[11]', j_cm VARCHAR(2000) PATH '$[12]',"
    "  j_ch2 VARCHAR(16) PATH '$[13]', j_at BIGINT PATH '$[14]')) AS j";

/* The inbox search's copy of a case's text (search_index_text): each text
 * made once, in the model's pool. */
static const char *
folded_content(struct gen *G, int kind, int content)
{
    if (G->fb_folded[kind] == NULL) {
        G->fb_folded[kind] = pool_alloc(&G->p, fb_ncontent[kind] * sizeof(char *));
        for (size_t i = 0; i < fb_ncontent[kind]; i++) {
            G->fb_folded[kind][i] = search_index_text(&G->p, fb_content[kind][i]);
        }
    }
    return G->fb_folded[kind][content];
}

static const char sql_feedback[] =
    "INSERT INTO feedback (id, code, check_part, kind, status, unit_id, counter_id, officer_id,"
    "  dossier_id, qr_link_id, content, identity, contact_name, contact_phone, contact_email,"
    "  contact_address, formal, assigned_to, created_at, classified_at, due_at, forward_due,"
    "  paused_at, answered_at, closed_at, answer_satisfied, escalated_at, search_text)"
    " SELECT j_id, j_code, j_chk, j_kind, j_st, j_unit, NULLIF(j_counter, 0),"
    "  NULLIF(j_officer, 0), NULLIF(j_d, 0), NULLIF(j_link, 0), j_content, j_ident, j_cn, j_cp,"
    "  j_ce, j_ca, j_formal, NULLIF(j_as, 0), FROM_UNIXTIME(j_cr), FROM_UNIXTIME(j_cl),"
    "  FROM_UNIXTIME(j_due), FROM_UNIXTIME(j_fwd), FROM_UNIXTIME(j_pa), FROM_UNIXTIME(j_an),"
    "  FROM_UNIXTIME(j_clo), j_sat, FROM_UNIXTIME(j_esc), j_fold"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_id BIGINT PATH '$[0]', j_code VARCHAR(24) PATH '$[1]', j_chk VARCHAR(4) PATH '$[2]',"
    "  j_kind VARCHAR(20) PATH '$[3]', j_st VARCHAR(12) PATH '$[4]', j_unit INT PATH '$[5]',"
    "  j_counter INT PATH '$[6]', j_officer INT PATH '$[7]', j_d BIGINT PATH '$[8]',"
    "  j_link INT PATH '$[9]', j_content TEXT PATH '$[10]', j_ident VARCHAR(12) PATH '$[11]',"
    "  j_cn VARCHAR(255) PATH '$[12]', j_cp VARCHAR(20) PATH '$[13]',"
    "  j_ce VARCHAR(254) PATH '$[14]', j_ca VARCHAR(255) PATH '$[15]', j_formal INT PATH '$[16]',"
    "  j_as INT PATH '$[17]', j_cr BIGINT PATH '$[18]', j_cl BIGINT PATH '$[19]',"
    "  j_due BIGINT PATH '$[20]', j_fwd BIGINT PATH '$[21]', j_pa BIGINT PATH '$[22]',"
    "  j_an BIGINT PATH '$[23]', j_clo BIGINT PATH '$[24]', j_sat INT PATH '$[25]',"
    "  j_esc BIGINT PATH '$[26]', j_fold TEXT PATH '$[27]')) AS j";

static const char sql_fbevent[] =
    "INSERT INTO feedback_event (feedback_id, at, actor_id, event, public, body)"
    " SELECT j_f, FROM_UNIXTIME(j_at), NULLIF(j_actor, 0), j_ev, j_pub, j_body"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_f BIGINT PATH '$[0]', j_at BIGINT PATH '$[1]', j_actor INT PATH '$[2]',"
    "  j_ev VARCHAR(32) PATH '$[3]', j_pub INT PATH '$[4]', j_body TEXT PATH '$[5]')) AS j";

static const char sql_dstat[] =
    "INSERT INTO stat_dossier_day (scope, scope_id, day, received, finished, early, on_time, late,"
    "  apologies, apologies_late, delay_days)"
    " SELECT j_sc, j_id, j_day, j_1, j_2, j_3, j_4, j_5, j_6, j_7, j_8"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_sc VARCHAR(8) PATH '$[0]', j_id INT PATH '$[1]', j_day VARCHAR(10) PATH '$[2]',"
    "  j_1 INT PATH '$[3]', j_2 INT PATH '$[4]', j_3 INT PATH '$[5]', j_4 INT PATH '$[6]',"
    "  j_5 INT PATH '$[7]', j_6 INT PATH '$[8]', j_7 INT PATH '$[9]', j_8 INT PATH '$[10]')) AS j"
    " ON DUPLICATE KEY UPDATE received = received + VALUES(received),"
    "  finished = finished + VALUES(finished), early = early + VALUES(early),"
    "  on_time = on_time + VALUES(on_time), late = late + VALUES(late),"
    "  apologies = apologies + VALUES(apologies),"
    "  apologies_late = apologies_late + VALUES(apologies_late),"
    "  delay_days = delay_days + VALUES(delay_days)";

static const char sql_fstat[] =
    "INSERT INTO stat_day (scope, scope_id, day, ratings, r3, r2, r1, feedback, answered,"
    "  answered_on_time, att_sum, att_n, time_sum, time_n, trips_sum, trips_n, guide_sum, guide_n)"
    " SELECT j_sc, j_id, j_day, j_1, j_2, j_3, j_4, j_5, j_6, j_7, j_8, j_9, j_10, j_11, j_12,"
    "  j_13, j_14, j_15"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_sc VARCHAR(8) PATH '$[0]', j_id INT PATH '$[1]', j_day VARCHAR(10) PATH '$[2]',"
    "  j_1 INT PATH '$[3]', j_2 INT PATH '$[4]', j_3 INT PATH '$[5]', j_4 INT PATH '$[6]',"
    "  j_5 INT PATH '$[7]', j_6 INT PATH '$[8]', j_7 INT PATH '$[9]', j_8 INT PATH '$[10]',"
    "  j_9 INT PATH '$[11]', j_10 INT PATH '$[12]', j_11 INT PATH '$[13]',"
    "  j_12 INT PATH '$[14]', j_13 INT PATH '$[15]', j_14 INT PATH '$[16]',"
    "  j_15 INT PATH '$[17]')) AS j"
    " ON DUPLICATE KEY UPDATE ratings = ratings + VALUES(ratings), r3 = r3 + VALUES(r3),"
    "  r2 = r2 + VALUES(r2), r1 = r1 + VALUES(r1), feedback = feedback + VALUES(feedback),"
    "  answered = answered + VALUES(answered),"
    "  answered_on_time = answered_on_time + VALUES(answered_on_time),"
    "  att_sum = att_sum + VALUES(att_sum), att_n = att_n + VALUES(att_n),"
    "  time_sum = time_sum + VALUES(time_sum), time_n = time_n + VALUES(time_n),"
    "  trips_sum = trips_sum + VALUES(trips_sum), trips_n = trips_n + VALUES(trips_n),"
    "  guide_sum = guide_sum + VALUES(guide_sum), guide_n = guide_n + VALUES(guide_n)";

/* The inbox's counts (sql/009_inbox.sql) of the cases written, ids [?, ?). */
static const char sql_fcount[] =
    "INSERT INTO feedback_count (unit_id, status, kind, counter_id, hidden_from, escalated,"
    "                            slot, n)"
    " SELECT " FB_COUNT_COLS ", COUNT(*)"
    " FROM feedback WHERE id >= ? AND id < ?"
    " GROUP BY 1, 2, 3, 4, 5, 6, 7"
    " ON DUPLICATE KEY UPDATE n = n + VALUES(n)";

/* The verdicts of the cases written, ids [?, ?), as history (sql/011), at the
 * time of their timeline event, and their counts on the unit's days. */
static const char sql_fverdict[] =
    "INSERT INTO feedback_verdict (feedback_id, answer_id, unit_id, satisfied, at)"
    " SELECT f.id, (SELECT MAX(e.id) FROM feedback_event e"
    "                WHERE e.feedback_id = f.id AND e.event = 'answer'),"
    "  f.unit_id, f.answer_satisfied,"
    "  COALESCE((SELECT MAX(e.at) FROM feedback_event e WHERE e.feedback_id = f.id"
    "             AND e.event IN ('citizen_satisfied', 'review_requested')), f.answered_at)"
    " FROM feedback f WHERE f.id >= ? AND f.id < ? AND f.answer_satisfied IS NOT NULL";

static const char sql_fverdict_stat[] =
    "INSERT INTO stat_day (scope, scope_id, day, verdicts, verdicts_unsatisfied)"
    " SELECT 'unit', v.unit_id, DATE(v.at + " SQL_VN_OFFSET "), COUNT(*), SUM(v.satisfied = 0)"
    " FROM feedback_verdict v WHERE v.feedback_id >= ? AND v.feedback_id < ?"
    " GROUP BY 2, 3"
    " ON DUPLICATE KEY UPDATE verdicts = verdicts + VALUES(verdicts),"
    "  verdicts_unsatisfied = verdicts_unsatisfied + VALUES(verdicts_unsatisfied)";

static const char sql_seq[] =
    "INSERT INTO code_seq (scope, day, n)"
    " SELECT j_sc, j_day, j_n"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    "  j_sc VARCHAR(48) PATH '$[0]', j_day VARCHAR(10) PATH '$[1]', j_n INT PATH '$[2]')) AS j"
    " ON DUPLICATE KEY UPDATE n = GREATEST(n, VALUES(n))";

/* ---- JSON batches ------------------------------------------------------ */

static void
jb_init(struct jbatch *b, const char *sql)
{
    memset(b, 0, sizeof(*b));
    b->sql = sql;
}

static void
jb_row(struct jbatch *b)
{
    buf_adds(&b->j, b->rows ? ",[" : "[[");
    b->col = 0;
}

static void
jb_sep(struct jbatch *b)
{
    if (b->col++) {
        buf_addc(&b->j, ',');
    }
}

static void
jb_int(struct jbatch *b, long long v)
{
    jb_sep(b);
    buf_printf(&b->j, "%lld", v);
}

static void
jb_null(struct jbatch *b)
{
    jb_sep(b);
    buf_adds(&b->j, "null");
}

/* An instant, or null for 0 ("not happened"). */
static void
jb_time(struct jbatch *b, time_t t)
{
    if (t) {
        jb_int(b, (long long)t);
    } else {
        jb_null(b);
    }
}

/* A JSON string; NULL gives null.  UTF-8 passes through, controls are escaped. */
static void
jb_str(struct jbatch *b, const char *s)
{
    jb_sep(b);
    if (s == NULL) {
        buf_adds(&b->j, "null");
        return;
    }
    buf_addc(&b->j, '"');
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\') {
            buf_addc(&b->j, '\\');
            buf_addc(&b->j, (char)*c);
        } else if (*c == '\n') {
            buf_adds(&b->j, "\\n");
        } else if (*c < 0x20) {
            buf_printf(&b->j, "\\u%04x", *c);
        } else {
            buf_addc(&b->j, (char)*c);
        }
    }
    buf_addc(&b->j, '"');
}

/* One statement of the open transaction as it was sent: the loader runs
 * beside the programs and their ticker, whose transactions may make its own
 * the victim of a deadlock (or, on a cluster, of a certification conflict).
 * Then the server has rolled the whole transaction back, and the loader runs
 * its statements again in a new one instead of giving up at 60 %. */
struct replay {
    const char *sql;
    struct dbv arg[2];
    size_t nargs;
};

#define REPLAY_TRIES 8

static void
replay_forget(struct gen *G)
{
    for (size_t i = 0; i < G->nlog; i++) {
        for (size_t k = 0; k < G->log[i].nargs; k++) {
            if (G->log[i].arg[k].t == DBV_STR) {
                free((char *)G->log[i].arg[k].s);
            }
        }
    }
    G->nlog = 0;
}

/* The transaction was lost for others' sake: begin another and run again
 * every statement the lost one had run. */
static enum db_rc
replay_all(struct gen *G)
{
    enum db_rc rc;

    db_rollback(G->db);
    (void)db_take_conflict(G->db);
    rc = db_begin(G->db);
    for (size_t i = 0; rc == DB_OK && i < G->nlog; i++) {
        rc = db_exec(G->db, G->log[i].sql, G->log[i].arg, G->log[i].nargs, NULL, NULL);
    }
    return rc;
}

/* db_exec inside the loader's open transaction, run again with everything
 * before it after a conflict; the statement is kept until the commit. */
static enum db_rc
gen_exec(struct gen *G, const char *sql, const struct dbv *args, size_t nargs)
{
    struct replay *e;
    enum db_rc rc = db_exec(G->db, sql, args, nargs, NULL, NULL);

    for (int tries = 0; rc != DB_OK && db_take_conflict(G->db) && tries < REPLAY_TRIES; tries++) {
        rc = replay_all(G);
        if (rc == DB_OK) {
            rc = db_exec(G->db, sql, args, nargs, NULL, NULL);
        }
    }
    if (rc != DB_OK) {
        return rc;
    }
    if (G->nlog == G->clog) {
        G->clog = G->clog ? 2 * G->clog : 64;
        G->log = realloc(G->log, G->clog * sizeof(*G->log));
        if (G->log == NULL) {
            abort();
        }
    }
    e = &G->log[G->nlog++];
    e->sql = sql;
    e->nargs = nargs;
    for (size_t k = 0; k < nargs; k++) {
        e->arg[k] = args[k];
        if (args[k].t == DBV_STR) {
            char *copy = malloc(args[k].len + 1);

            if (copy == NULL) {
                abort();
            }
            memcpy(copy, args[k].s, args[k].len);
            copy[args[k].len] = '\0';
            e->arg[k].s = copy;
        }
    }
    return DB_OK;
}

/* Commit the loader's transaction (running it again after a conflict) and
 * begin the next. */
static enum db_rc
gen_commit(struct gen *G)
{
    enum db_rc rc = db_commit(G->db);

    for (int tries = 0; rc != DB_OK && db_take_conflict(G->db) && tries < REPLAY_TRIES; tries++) {
        rc = replay_all(G);
        if (rc == DB_OK) {
            rc = db_commit(G->db);
        }
    }
    replay_forget(G);
    return rc;
}

static enum db_rc
jb_flush(struct gen *G, struct jbatch *b)
{
    struct dbv arg;
    enum db_rc rc;

    if (b->rows == 0) {
        return DB_OK;
    }
    buf_addc(&b->j, ']');
    arg = (struct dbv){.t = DBV_STR, .s = b->j.p, .len = b->j.len};
    rc = gen_exec(G, b->sql, &arg, 1);
    G->rows += (long long)b->rows;
    buf_reset(&b->j);
    b->rows = 0;
    return rc;
}

/* End a row; a full batch goes to the server at once (inside the open transaction). */
static enum db_rc
jb_end(struct gen *G, struct jbatch *b)
{
    buf_addc(&b->j, ']');
    b->rows++;
    if (b->rows >= BATCH_ROWS || b->j.len >= BATCH_BYTES) {
        return jb_flush(G, b);
    }
    return DB_OK;
}

/* ---- code sequences (code_seq) and book numbers ------------------------- */

static uint64_t
seq_hash(const char *scope, int day)
{
    uint64_t h = 1469598103934665603ULL;

    for (const char *c = scope; *c; c++) {
        h = (h ^ (unsigned char)*c) * 1099511628211ULL;
    }
    return mix64(h ^ (uint64_t)(unsigned)day);
}

static struct seq_entry *
seq_find(struct seqmap *m, const char *scope, int day)
{
    size_t i;

    if (m->n * 2 >= m->cap) {
        struct seqmap bigger = {.cap = m->cap ? m->cap * 2 : 4096};

        bigger.e = xcalloc(bigger.cap, sizeof(*bigger.e));
        for (size_t k = 0; k < m->cap; k++) {
            if (m->e[k].scope[0]) {
                i = seq_hash(m->e[k].scope, m->e[k].day) & (bigger.cap - 1);
                while (bigger.e[i].scope[0]) {
                    i = (i + 1) & (bigger.cap - 1);
                }
                bigger.e[i] = m->e[k];
                bigger.n++;
            }
        }
        free(m->e);
        *m = bigger;
    }
    i = seq_hash(scope, day) & (m->cap - 1);
    while (m->e[i].scope[0]) {
        if (m->e[i].day == day && strcmp(m->e[i].scope, scope) == 0) {
            return &m->e[i];
        }
        i = (i + 1) & (m->cap - 1);
    }
    snprintf(m->e[i].scope, sizeof(m->e[i].scope), "%s", scope);
    m->e[i].day = day;
    m->n++;
    return &m->e[i];
}

/* The next number of a sequence; persist: it is a code_seq row to write back. */
static long long
seq_next(struct seqmap *m, const char *scope, int day, int persist)
{
    struct seq_entry *e = seq_find(m, scope, day);

    e->dirty = 1;
    e->persist = persist;
    return ++e->n;
}

/* ---- aggregates -------------------------------------------------------- */

static int *
stat_row(struct statset *s, int scope, long long id, int day)
{
    int k;

    if (id <= 0 || day < s->first || day >= s->first + s->ndays) {
        return NULL;
    }
    for (k = 0; k < s->nslot; k++) {
        if (s->slot[k].scope == scope && s->slot[k].id == id) {
            break;
        }
    }
    if (k == s->nslot) {
        if (s->nslot == MAX_SLOTS) {
            return NULL;
        }
        s->slot[k].scope = scope;
        s->slot[k].id = id;
        s->slot[k].v = xcalloc((size_t)s->ndays * (size_t)s->ncols, sizeof(int));
        s->nslot++;
    }
    return s->slot[k].v + (size_t)(day - s->first) * (size_t)s->ncols;
}

/* Add delta to column col of the unit's, counter's and officer's rows of the day. */
static void
stat_add(struct statset *s, long long unit, long long counter, long long officer, int day, int col,
         int delta)
{
    long long ids[3] = {unit, counter, officer};

    for (int sc = 0; sc < 3; sc++) {
        int *row = stat_row(s, sc, ids[sc], day);

        if (row) {
            row[col] += delta;
        }
    }
}

/* ---- progress ---------------------------------------------------------- */

static double
seconds(void)
{
    struct timeval tv;

    gettimeofday(&tv, NULL);
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static void
progress(struct gen *G, const char *phase, int final)
{
    double t = seconds(), pct;
    int decile;

    if (!G->o->progress) {
        return;
    }
    pct = G->work_total ? 100.0 * (double)G->work_done / (double)G->work_total : 100.0;
    pct = pct > 100.0 ? 100.0 : pct;
    if (G->tty) {
        if (!final && t - G->last_draw < 0.25) {
            return;
        }
        G->last_draw = t;
        int filled = (int)(pct / 100.0 * 30.0);

        fprintf(stderr, "\r  [%.*s%.*s] %5.1f%%  %-10s %9lld rows  %8.0f rows/s ", filled,
                "##############################", 30 - filled, "..............................",
                pct, phase, G->rows, G->rows / (t - G->t0 > 0.001 ? t - G->t0 : 0.001));
        if (final) {
            fputc('\n', stderr);
        }
        return;
    }
    decile = (int)(pct / 10.0);
    if (decile > G->last_decile || final) {
        G->last_decile = decile;
        fprintf(stderr, "demo-data: %3.0f%% %-10s %lld rows, %.0f rows/s\n", pct, phase, G->rows,
                G->rows / (t - G->t0 > 0.001 ? t - G->t0 : 0.001));
    }
}

/* ---- loading the model ------------------------------------------------- */

static struct g_unit *
unit_by_id(struct gen *G, long long id)
{
    for (size_t i = 0; i < G->nunits; i++) {
        if (G->units[i].id == id) {
            return &G->units[i];
        }
    }
    return NULL;
}

static struct g_unit *
unit_by_code(struct gen *G, const char *code)
{
    for (size_t i = 0; code && i < G->nunits; i++) {
        if (strcmp(G->units[i].code, code) == 0) {
            return &G->units[i];
        }
    }
    return NULL;
}

static const char *
person(struct gen *G, struct pool *p)
{
    int female = chance(&G->g, 0.5);
    const struct name *f = &family[0], *m, *g;
    long long total = 0, pick;

    for (size_t i = 0; i < NELEM(family); i++) {
        total += family[i].weight;
    }
    pick = below(&G->g, total);
    for (size_t i = 0; i < NELEM(family); i++) {
        if ((pick -= family[i].weight) < 0) {
            f = &family[i];
            break;
        }
    }
    m = female ? &PICK(&G->g, middle_f) : &PICK(&G->g, middle_m);
    g = female ? &PICK(&G->g, given_f) : &PICK(&G->g, given_m);
    return pool_printf(p, "%s %s %s", f->vi, m->vi, g->vi);
}

/* The columns of the SELECTs of load_model, in their order. */
enum unit_col { UN_ID, UN_PARENT, UN_CODE, UN_LEVEL, UN_NAME };
enum counter_col { CT_ID, CT_UNIT, CT_NAME, CT_LINK };
enum user_col { US_ID, US_UNIT, US_COUNTER, US_ROLE, US_NAME, US_TITLE, US_LINK };
enum unit_link_col { UL_UNIT, UL_LINK };
enum proc_col { PR_ID, PR_LEVEL, PR_UNIT, PR_TIME_VALUE, PR_TIME_UNIT, PR_CUTOFF, PR_FIELD };
enum kind_col { KD_CODE, KD_ANSWER_DAYS, KD_FORWARD_DAYS };
enum legal_col { LV_LEAD_DAYS, LV_LEAD_UNIT };
enum seq_col { SQ_SCOPE, SQ_DAY, SQ_N };
enum book_col { BK_UNIT, BK_YEAR, BK_SEQ };
enum max_col { MX_DOSSIER, MX_QR, MX_FEEDBACK };

static int
load_model(struct gen *G)
{
    struct pool *p = &G->p;
    struct dbres res;
    double cum = 0;

    if (db_query(G->db, p, "SELECT id, COALESCE(parent_id, 0), code, level, name FROM org_unit",
                 DB_NOARGS, &res) != DB_OK) {
        return -1;
    }
    G->nunits = res.nrows;
    G->units = pool_alloc(p, (res.nrows + 1) * sizeof(*G->units));
    for (size_t i = 0; i < res.nrows; i++) {
        struct g_unit *u = &G->units[i];

        u->id = util_num(dbres_get(&res, i, UN_ID));
        u->parent = util_num(dbres_get(&res, i, UN_PARENT));
        u->code = dbres_get(&res, i, UN_CODE);
        u->level = dbres_get(&res, i, UN_LEVEL);
        u->name = dbres_get(&res, i, UN_NAME);
    }
    for (size_t i = 0; i < NELEM(demo_units); i++) {
        if (unit_by_code(G, demo_units[i]) == NULL) {
            fprintf(stderr,
                    "motcuactl: demo data goes only into the demo province (`motcuactl demo`):"
                    " this database has no unit %s\n",
                    demo_units[i]);
            return 1;
        }
    }
    if (db_query(G->db, p,
                 "SELECT c.id, c.unit_id, c.name,"
                 "       (SELECT MAX(q.id) FROM qr_link q WHERE q.kind = 'counter'"
                 "           AND q.counter_id = c.id AND q.revoked_at IS NULL)"
                 "  FROM counter c WHERE c.active = 1 ORDER BY c.unit_id, c.sort_order, c.id",
                 DB_NOARGS, &res) != DB_OK) {
        return -1;
    }
    G->ncounters = res.nrows;
    G->counters = pool_alloc(p, (res.nrows + 1) * sizeof(*G->counters));
    for (size_t i = 0; i < res.nrows; i++) {
        G->counters[i].id = util_num(dbres_get(&res, i, CT_ID));
        G->counters[i].unit_id = util_num(dbres_get(&res, i, CT_UNIT));
        G->counters[i].name = dbres_get(&res, i, CT_NAME);
        G->counters[i].link = util_num(dbres_get(&res, i, CT_LINK));
    }
    if (db_query(G->db, p,
                 "SELECT u.id, u.unit_id, COALESCE(u.counter_id, 0), u.role, u.full_name,"
                 "       COALESCE(u.title, ''),"
                 "       (SELECT MAX(q.id) FROM qr_link q WHERE q.kind = 'officer'"
                 "           AND q.officer_id = u.id AND q.revoked_at IS NULL)"
                 "  FROM users u WHERE u.disabled = 0 ORDER BY u.id",
                 DB_NOARGS, &res) != DB_OK) {
        return -1;
    }
    G->nusers = res.nrows;
    G->users = pool_alloc(p, (res.nrows + 1) * sizeof(*G->users));
    for (size_t i = 0; i < res.nrows; i++) {
        struct g_user *u = &G->users[i];

        u->id = util_num(dbres_get(&res, i, US_ID));
        u->unit_id = util_num(dbres_get(&res, i, US_UNIT));
        u->counter_id = util_num(dbres_get(&res, i, US_COUNTER));
        u->role = dbres_get(&res, i, US_ROLE);
        u->name = dbres_get(&res, i, US_NAME);
        u->title = dbres_get(&res, i, US_TITLE);
        u->link = util_num(dbres_get(&res, i, US_LINK));
    }
    if (db_query(G->db, p,
                 "SELECT q.unit_id, MAX(q.id) FROM qr_link q WHERE q.kind = 'unit'"
                 "   AND q.revoked_at IS NULL GROUP BY q.unit_id",
                 DB_NOARGS, &res) != DB_OK) {
        return -1;
    }
    for (size_t i = 0; i < res.nrows; i++) {
        struct g_unit *u = unit_by_id(G, util_num(dbres_get(&res, i, UL_UNIT)));

        if (u) {
            u->unit_link = util_num(dbres_get(&res, i, UL_LINK));
        }
    }
    /* control-slip names: the unit's own staff first, then a few made-up colleagues */
    for (size_t i = 0; i < G->nunits; i++) {
        struct g_unit *u = &G->units[i];

        for (size_t k = 0; k < G->nusers && u->nstaff < 2; k++) {
            if (G->users[k].unit_id == u->id && strcmp(G->users[k].role, "admin") != 0) {
                u->staff[u->nstaff++] = G->users[k].name;
            }
        }
        while (u->nstaff < 4) {
            u->staff[u->nstaff++] = person(G, p);
        }
    }
    if (db_query(G->db, p,
                 "SELECT p.id, p.level, p.unit_id, p.time_value, p.time_unit, p.use_cutoff, f.code"
                 "  FROM procedure_tthc p JOIN field f ON f.id = p.field_id"
                 " WHERE p.effective_to IS NULL ORDER BY f.sort_order, f.id, p.id",
                 DB_NOARGS, &res) != DB_OK) {
        return -1;
    }
    if (res.nrows == 0) {
        fprintf(stderr, "motcuactl: no procedures: load sql/demo/020_catalogue.sql"
                        " (`motcuactl demo` does)\n");
        return 1;
    }
    G->nprocs = res.nrows;
    G->procs = pool_alloc(p, res.nrows * sizeof(*G->procs));
    for (size_t i = 0, rank = 1; i < res.nrows; i++) {
        struct g_proc *pr = &G->procs[i];
        const char *fc = dbres_get(&res, i, PR_FIELD), *dash = strrchr(fc, '-');
        const char *tu = dbres_get(&res, i, PR_TIME_UNIT);

        pr->id = util_num(dbres_get(&res, i, PR_ID));
        pr->commune = strcmp(dbres_get(&res, i, PR_LEVEL), "commune") == 0;
        pr->unit_id = util_num(dbres_get(&res, i, PR_UNIT));
        pr->tvalue = (int)util_num(dbres_get(&res, i, PR_TIME_VALUE));
        pr->tunit = cal_unit_parse(tu);
        pr->cutoff = strcmp(dbres_get(&res, i, PR_CUTOFF), "1") == 0;
        pr->teff = pr->tunit == CAL_HOURS           ? (pr->tvalue + 7) / 8
                   : pr->tunit == CAL_CALENDAR_DAYS ? pr->tvalue * 5 / 7
                                                    : pr->tvalue;
        pr->rule = &field_default;
        for (size_t k = 0; k < NELEM(field_rules); k++) {
            if (dash && strcmp(dash + 1, field_rules[k].suffix) == 0) {
                pr->rule = &field_rules[k];
            }
        }
        /* within a field the first-listed procedures are the busy ones */
        if (i > 0 && strcmp(fc, dbres_get(&res, i - 1, PR_FIELD)) != 0) {
            rank = 1;
        }
        cum += pr->rule->weight / (double)rank++;
        pr->cum = cum;
    }
    G->commune_centres = pool_alloc(p, (G->nunits + 1) * sizeof(long long));
    for (size_t i = 0; i < G->nunits; i++) {
        struct g_unit *u = &G->units[i], *up = unit_by_id(G, u->parent);

        if (strcmp(u->level, "centre") == 0 && up && strcmp(up->level, "commune") == 0) {
            G->commune_centres[G->ncommune++] = u->id;
        }
    }
    if (db_query(G->db, p, "SELECT code, answer_days, forward_days FROM feedback_kind", DB_NOARGS,
                 &res) != DB_OK) {
        return -1;
    }
    for (int k = 0; k < FK__COUNT; k++) {
        G->answer_days[k] = 10;
        G->forward_days[k] = 5;
        for (size_t i = 0; i < res.nrows; i++) {
            if (strcmp(dbres_get(&res, i, KD_CODE), fk_code[k]) == 0) {
                G->answer_days[k] = (int)util_num(dbres_get(&res, i, KD_ANSWER_DAYS));
                G->forward_days[k] = (int)util_num(dbres_get(&res, i, KD_FORWARD_DAYS));
            }
        }
    }
    G->lead_days = 1;
    if (db_query(G->db, p,
                 "SELECT lead_days, lead_unit FROM legal_version"
                 " ORDER BY effective_from DESC LIMIT 1",
                 DB_NOARGS, &res) != DB_OK) {
        return -1;
    }
    if (res.nrows) {
        G->lead_days = (int)util_num(dbres_get(&res, 0, LV_LEAD_DAYS));
        G->lead_calendar = strcmp(dbres_get(&res, 0, LV_LEAD_UNIT), "calendar_days") == 0;
    }
    /* where the sequences stand: codes continue after what exists */
    if (db_query(G->db, p, "SELECT scope, DATE_FORMAT(day, '%Y-%m-%d'), n FROM code_seq", DB_NOARGS,
                 &res) != DB_OK) {
        return -1;
    }
    for (size_t i = 0; i < res.nrows; i++) {
        int day;

        if (cal_parse_date(dbres_get(&res, i, SQ_DAY), &day) == 0) {
            seq_find(&G->seq, dbres_get(&res, i, SQ_SCOPE), day)->n =
                util_num(dbres_get(&res, i, SQ_N));
        }
    }
    if (db_query(G->db, p,
                 "SELECT unit_id, YEAR(received_at), MAX(book_seq) FROM dossier"
                 " GROUP BY unit_id, YEAR(received_at)",
                 DB_NOARGS, &res) != DB_OK) {
        return -1;
    }
    for (size_t i = 0; i < res.nrows; i++) {
        char scope[48];

        snprintf(scope, sizeof(scope), "book:%s", dbres_get(&res, i, BK_UNIT));
        seq_find(&G->seq, scope, (int)util_num(dbres_get(&res, i, BK_YEAR)))->n =
            util_num(dbres_get(&res, i, BK_SEQ));
    }
    if (db_query(G->db, p,
                 "SELECT (SELECT COALESCE(MAX(id), 0) FROM dossier),"
                 "       (SELECT COALESCE(MAX(id), 0) FROM qr_link),"
                 "       (SELECT COALESCE(MAX(id), 0) FROM feedback)",
                 DB_NOARGS, &res) != DB_OK) {
        return -1;
    }
    G->next_dossier = util_num(dbres_get(&res, 0, MX_DOSSIER)) + 1;
    G->next_qr = util_num(dbres_get(&res, 0, MX_QR)) + 1;
    G->next_fb = util_num(dbres_get(&res, 0, MX_FEEDBACK)) + 1;
    G->first_fb = G->next_fb;
    return 0;
}

/* ---- small helpers of the simulation ------------------------------------ */

/* A receipt or hand-over time of day, in working hours (minutes, seconds). */
static int
work_minute(struct gen *G)
{
    /* 07:30–11:30 busier than 13:30–17:00 */
    return chance(&G->g, 0.6) ? (int)between(&G->g, 450, 689) : (int)between(&G->g, 810, 1019);
}

static time_t
at_work(struct gen *G, int day)
{
    return cal_instant(day, work_minute(G)) + (time_t)below(&G->g, 60);
}

static time_t
min_t(time_t a, time_t b)
{
    return a < b ? a : b;
}

/* t if it is in the past, else a moment between from and now: clamping to
 * "now" would pile the cases of the last weeks onto today. */
static time_t
not_after_now(struct gen *G, time_t from, time_t t)
{
    time_t last = G->now - 60;

    if (t <= last) {
        return t;
    }
    return from < last ? from + (time_t)below(&G->g, last - from) : last;
}

static struct g_user *
user_at_counter(struct gen *G, long long counter)
{
    for (size_t i = 0; i < G->nusers; i++) {
        if (G->users[i].counter_id == counter && strcmp(G->users[i].role, "officer") == 0) {
            return &G->users[i];
        }
    }
    return NULL;
}

static struct g_user *
user_of_unit(struct gen *G, long long unit, const char *role, int deputy)
{
    for (size_t i = 0; i < G->nusers; i++) {
        struct g_user *u = &G->users[i];

        if (u->unit_id == unit && strcmp(u->role, role) == 0 &&
            (deputy < 0 || (strstr(u->title, "Phó") != NULL) == deputy)) {
            return u;
        }
    }
    return NULL;
}

static struct g_counter *
counter_for(struct gen *G, long long unit, const struct field_rule *rule)
{
    struct g_counter *fallback = NULL, *any = NULL;

    for (size_t i = 0; i < G->ncounters; i++) {
        struct g_counter *c = &G->counters[i];

        if (c->unit_id != unit) {
            continue;
        }
        any = any ? any : c;
        for (size_t k = 0; k < NELEM(rule->kw) && rule->kw[k]; k++) {
            if (strstr(c->name, rule->kw[k])) {
                return c;
            }
        }
        if (fallback == NULL && strstr(c->name, "Trả kết quả") == NULL) {
            fallback = c;
        }
    }
    return fallback ? fallback : any;
}

static const struct g_proc *
pick_proc(struct gen *G, int min_teff)
{
    const struct g_proc *best = NULL;

    for (int tries = 0; tries < 30; tries++) {
        double x = unit01(&G->g) * G->procs[G->nprocs - 1].cum;
        size_t lo = 0, hi = G->nprocs - 1;

        while (lo < hi) {
            size_t mid = (lo + hi) / 2;

            if (G->procs[mid].cum < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        best = &G->procs[lo];
        if (best->teff >= min_teff) {
            break;
        }
    }
    return best;
}

static void
push(void **arr, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 1024;
        *arr = xrealloc(*arr, *cap * size);
    }
    memset((char *)*arr + *n * size, 0, size);
    (*n)++;
}

/* ---- one dossier ------------------------------------------------------- */

struct hop {
    long long from, to;
    time_t handed, done;
    const char *giver, *receiver;
};

static const char *
staff_name(struct gen *G, long long unit)
{
    struct g_unit *u = unit_by_id(G, unit);

    return u ? u->staff[below(&G->g, u->nstaff)] : "";
}

static enum db_rc
event(struct gen *G, long long dossier, time_t at, const char *ev, long long unit, const char *body)
{
    struct jbatch *b = &G->b_event;

    jb_row(b);
    jb_int(b, dossier);
    jb_int(b, (long long)at);
    jb_str(b, ev);
    jb_int(b, unit);
    jb_str(b, body ? body : "");
    return jb_end(G, b);
}

static int
timeliness(time_t finished, time_t due)
{
    int f = cal_local_day(finished), u = cal_local_day(due);

    return f < u ? -1 : f == u ? 0 : 1;
}

/* The processing chain of a dossier: the deciding unit first, then those it
 * consults or that approve (1–3 units). */
static size_t
chain(struct gen *G, const struct g_proc *pr, long long centre, long long *out)
{
    struct g_unit *c = unit_by_id(G, centre);
    struct g_unit *dept = unit_by_code(G, pr->rule->dept);
    struct g_unit *prov = unit_by_code(G, "000.00.00.H41");
    double x = unit01(&G->g);
    size_t n = 0;

    if (pr->commune) {
        out[n++] = c && c->parent ? c->parent : centre;
        if (x < 0.15) {
            out[n++] = dept ? dept->id : prov->id;
        }
        return n;
    }
    out[n++] = dept ? dept->id : prov->id;
    if (x < 0.10 && dept) {
        /* a sister department gives its opinion, then the province approves */
        struct g_unit *other = unit_by_code(
            G, strcmp(dept->code, "000.00.11.H41") == 0 ? "000.00.12.H41" : "000.00.11.H41");

        out[n++] = other ? other->id : prov->id;
        out[n++] = prov->id;
    } else if (x < 0.45 && dept) {
        out[n++] = prov->id;
    }
    return n;
}

/* The ratings and feedback cases that come with one dossier. */
static void add_rating(struct gen *G, long long dossier, long long qr, long long unit,
                       long long counter, long long officer, time_t at, int late);
static void add_feedback(struct gen *G, long long dossier, long long unit, long long counter,
                         long long officer, time_t received, time_t returned, int late);

/* One dossier's life, as the simulation decides it. */
struct life {
    const struct g_proc *pr;
    long long id, qr, centre, counter_id, officer_id, holder;
    long long units[3]; /* the processing chain */
    size_t nunits, nhops;
    struct hop hops[4]; /* control slip: to each unit, then back to the centre */
    struct g_unit *cu;
    struct g_user *officer;
    int day, due_day, reap, t, delay, open, age;
    int apology; /* the showcase's choice: -1 by chance, 0 none, 1 signed, 2 a draft */
    time_t received, t0, due, odue, fin, ret, paused, esc;
    const char *status, *collect;
};

/* An instant in working hours near t, strictly between lo and hi if that is
 * possible, else t itself: hand-overs happen at the office. */
static time_t
office_time(struct gen *G, time_t t, time_t lo, time_t hi)
{
    int day = cal_local_day(t), min = cal_local_minutes(t);
    time_t w;

    if (!cal_is_working(G->cal, day) || min >= 17 * 60) {
        day = cal_next_working(G->cal, day);
        min = (int)between(&G->g, 450, 540);
    } else if (min < 450) {
        min = (int)between(&G->g, 450, 540);
    }
    w = cal_instant(day, min) + (time_t)below(&G->g, 60);
    return w > lo && w < hi ? w : t;
}

/* When the dossier is finished, if it is (fin stays 0 otherwise). */
static void
live_outcome(struct gen *G, struct life *L)
{
    double x = unit01(&G->g);
    int s = cal_local_day(L->received), fin_day, outcome;

    outcome = x < L->pr->rule->late ? 1 : x < L->pr->rule->late + 0.15 ? 0 : -1;
    if (outcome < 0) {
        int span = cal_working_days_between(G->cal, s, L->due_day);

        fin_day = span >= 1 ? cal_add_working_days(G->cal, s, (int)between(&G->g, 0, span - 1))
                            : L->due_day;
    } else if (outcome == 0) {
        fin_day = L->due_day;
    } else {
        int delay = 1 + (int)floor(-log(1.0 - unit01(&G->g)) * 3.0);

        fin_day = cal_add_working_days(G->cal, L->due_day, delay > 40 ? 40 : delay);
    }
    if (!cal_is_working(G->cal, fin_day)) {
        fin_day = cal_next_working(G->cal, fin_day);
    }
    L->fin = cal_instant(fin_day, (int)between(&G->g, 480, 1010)) + (time_t)below(&G->g, 60);
    if (L->fin <= L->t0 + 600) {
        L->fin = L->t0 + (time_t)between(&G->g, 900, 7200);
    }
    if (L->fin > G->now) {
        L->fin = 0; /* not finished yet after all */
    }
}

/* Hand-overs: at t0 to the deciding unit, on through the chain, and back to
 * the centre when finished; an open dossier has gone part of the way. */
static void
live_hops(struct gen *G, struct life *L)
{
    time_t end = L->fin ? L->fin : G->now, prev = L->t0;
    size_t reached = L->fin ? L->nunits : 1 + (size_t)below(&G->g, (long long)L->nunits);

    if ((L->open && L->age == 0 && chance(&G->g, 0.5)) || L->t0 >= end) {
        reached = 0; /* received today, still at the counter */
    }
    for (size_t i = 0; i < reached; i++) {
        struct hop *h = &L->hops[L->nhops++];

        h->from = i == 0 ? L->centre : L->units[i - 1];
        h->to = L->units[i];
        h->handed =
            i == 0
                ? L->t0
                : office_time(G,
                              prev + (time_t)((double)(end - prev) * (0.2 + 0.6 * unit01(&G->g))),
                              prev, end);
        h->giver = i == 0 && L->officer ? L->officer->name : staff_name(G, h->from);
        h->receiver = staff_name(G, h->to);
        h->done = 0;
        if (i > 0) {
            L->hops[i - 1].done = h->handed;
        }
        prev = h->handed;
    }
    if (L->fin && L->nhops) {
        struct hop *h = &L->hops[L->nhops++];

        h->from = L->units[L->nunits - 1];
        h->to = L->centre;
        h->handed = h->done = L->fin;
        h->giver = staff_name(G, h->from);
        h->receiver = L->officer ? L->officer->name : staff_name(G, L->centre);
        L->hops[L->nhops - 2].done = L->fin;
    }
    L->holder = L->fin ? L->centre : L->nhops ? L->hops[L->nhops - 1].to : L->centre;
}

/* The apology letter from the deciding unit: for about 60 % of the late dossiers and a
 * third of the open ones about to be late; a quarter signed after the rule's
 * lead time.  A signed letter moves the appointment (as apology_sign does). */
static void
live_apology(struct gen *G, struct life *L)
{
    int late_fin = L->fin && cal_local_day(L->fin) > L->due_day;
    int open_late = !L->fin && L->due < G->now;
    int near = !L->fin && !open_late && cal_working_days_between(G->cal, G->today, L->due_day) <= 2;
    double p = late_fin || open_late ? 0.6 : near ? 0.3 : 0;
    int deadline, sday, new_day, deputy;
    time_t drafted, signed_at;
    struct g_apology *a;
    struct g_unit *au;
    struct g_user *boss, *drafter;

    if (L->apology == 0) {
        return;
    }
    if (L->apology < 0 && (p == 0 || L->nhops == 0 || !chance(&G->g, p))) {
        return;
    }
    deadline = G->lead_calendar ? L->due_day - G->lead_days
                                : cal_add_working_days(G->cal, L->due_day, -G->lead_days);
    sday = chance(&G->g, 0.75) ? cal_add_working_days(G->cal, deadline, -(int)below(&G->g, 3))
                               : cal_add_working_days(G->cal, deadline, 1 + (int)below(&G->g, 3));
    if (sday < cal_local_day(L->t0)) {
        sday = cal_local_day(L->t0);
    }
    signed_at = at_work(G, sday);
    drafted =
        min_t(signed_at, at_work(G, cal_add_working_days(G->cal, sday, -(int)below(&G->g, 3))));
    if (drafted < L->t0) {
        drafted = L->t0 + 60;
    }
    if (signed_at < drafted) {
        signed_at = drafted + 1800;
    }
    if (late_fin) {
        int fd = cal_local_day(L->fin);

        if (chance(&G->g, 0.7) || fd - L->due_day < 2) {
            /* finished within the new date */
            new_day = cal_add_working_days(G->cal, fd > L->due_day + 1 ? fd : L->due_day + 1,
                                           (int)below(&G->g, 3));
        } else {
            /* late again */
            new_day = cal_add_working_days(
                G->cal, L->due_day,
                1 + (int)below(&G->g, cal_working_days_between(G->cal, L->due_day, fd) - 1));
        }
    } else {
        new_day = cal_add_working_days(G->cal, L->due_day, 3 + (int)below(&G->g, 8));
    }
    if (L->apology > 0) {
        /* the showcase: drafted on the first working day after the receipt,
         * signed the day after (or left waiting for the leader) */
        drafted = at_work(G, cal_next_working(G->cal, cal_local_day(L->t0)));
        signed_at = L->apology == 1 ? at_work(G, cal_next_working(G->cal, cal_local_day(drafted)))
                                    : G->now + 86400;
        if (signed_at > G->now && L->apology == 1) {
            signed_at = G->now - 600;
        }
        if (drafted >= signed_at) {
            drafted = signed_at - 1800;
        }
    }
    if (drafted > G->now || (L->fin && drafted >= L->fin)) {
        return;
    }
    au = unit_by_id(G, L->units[0]);
    boss = user_of_unit(G, L->units[0], "leader", chance(&G->g, 0.4));
    drafter = user_of_unit(G, L->units[0], "officer", -1);
    push((void **)&G->apos, &G->napos, &G->capos, sizeof(*G->apos));
    a = &G->apos[G->napos - 1];
    a->dossier_id = L->id;
    a->unit_id = L->units[0];
    a->d_unit = L->centre;
    a->d_counter = L->counter_id;
    a->d_officer = L->officer_id;
    a->old_due = L->odue;
    a->new_due = cal_instant(new_day, G->cal->close_minutes);
    a->drafted = drafted;
    a->drafted_by = drafter ? drafter->id : L->officer_id ? L->officer_id : G->users[0].id;
    a->reason = L->pr->rule->land ? &PICK(&G->g, reasons_land) : &PICK(&G->g, reasons_other);
    if (L->fin && signed_at >= L->fin) {
        signed_at = L->fin - 600 > drafted ? L->fin - 600 : drafted;
    }
    if (signed_at > G->now) {
        return; /* a draft waiting for the leader */
    }
    a->signed_at = signed_at;
    a->on_time = cal_local_day(signed_at) <= deadline;
    if (boss == NULL) {
        boss = user_of_unit(G, L->units[0], "leader", -1);
    }
    deputy = boss ? strstr(boss->title, "Phó") != NULL : chance(&G->g, 0.4);
    a->signer_id = boss ? boss->id : 0;
    a->signer_name = boss ? boss->name : au->staff[3];
    a->signer_title = strcmp(au->level, "department") == 0 ? "GIÁM ĐỐC" : "CHỦ TỊCH";
    a->sign_mode = deputy ? "KT" : "head";
    a->signer_position = !deputy                                 ? NULL
                         : strcmp(au->level, "department") == 0 ? "PHÓ GIÁM ĐỐC"
                                                                : "PHÓ CHỦ TỊCH";
    L->due = a->new_due;
    L->reap = 1;
    if (chance(&G->g, 0.85)) {
        time_t dl = signed_at + (time_t)between(&G->g, 1800, 86400);

        if (dl <= G->now) {
            a->delivered = dl;
            a->delivery = 1 + (int)below(&G->g, 4);
        }
    }
    /* late again after the re-appointment: up to the unit above (as the tick does) */
    if ((L->fin && cal_local_day(L->fin) > new_day) || (!L->fin && L->due < G->now)) {
        L->esc = cal_instant(cal_next_working(G->cal, new_day), 480);
        L->esc = L->esc <= G->now ? L->esc : 0;
    }
}

/* The result back to the citizen, or where an open dossier stands. */
static void
live_return(struct gen *G, struct life *L)
{
    if (L->fin) {
        L->collect = chance(&G->g, 0.8) ? "counter" : chance(&G->g, 0.6) ? "post" : "online";
        L->ret = strcmp(L->collect, "counter") == 0 && chance(&G->g, 0.6)
                     ? at_work(G, cal_add_working_days(G->cal, cal_local_day(L->fin),
                                                       (int)between(&G->g, 1, 5)))
                     : L->fin + (time_t)between(&G->g, 600, 3 * 3600);
        if (L->ret <= L->fin) {
            L->ret = L->fin + 600;
        }
        if (L->ret > G->now) {
            L->ret = 0;
        }
        L->status = L->ret ? "returned" : "ready";
        /* as store_dossier.c judges it: by local days against the statutory
         * appointment, which a re-appointment does not move */
        L->t = timeliness(L->fin, L->odue);
        L->delay = L->t > 0 ? cal_working_days_between(G->cal, cal_local_day(L->odue),
                                                       cal_local_day(L->fin))
                            : 0;
        return;
    }
    L->collect = chance(&G->g, 0.85) ? "counter" : "post";
    /* the showcase's dossiers (apology chosen) are in hand, never waiting
     * for documents: a wait would move their appointment */
    L->status = L->nhops == 0                          ? "received"
                : L->apology < 0 && chance(&G->g, 0.1) ? "supplement"
                                                       : "processing";
    if (strcmp(L->status, "supplement") == 0) {
        time_t from = L->hops[L->nhops - 1].handed;

        L->paused = from + (time_t)below(&G->g, G->now - from);
    }
}

/* The dossier row, its QR link, control-slip rows, public events and aggregates. */
static enum db_rc
write_dossier(struct gen *G, const struct life *L)
{
    const struct name *fam = &family[0], *mn, *gn;
    struct jbatch *b = &G->b_dossier;
    char code[64], nonce[TOKEN_NONCE_LEN + 1], email[128] = "", phone[16], book[48];
    const char *name, *addr;
    long long total = 0, pick;
    int female = chance(&G->g, 0.5), y, m, d;
    enum db_rc rc;

    /* the applicant */
    for (size_t i = 0; i < NELEM(family); i++) {
        total += family[i].weight;
    }
    pick = below(&G->g, total);
    for (size_t i = 0; i < NELEM(family); i++) {
        if ((pick -= family[i].weight) < 0) {
            fam = &family[i];
            break;
        }
    }
    mn = female ? &PICK(&G->g, middle_f) : &PICK(&G->g, middle_m);
    gn = female ? &PICK(&G->g, given_f) : &PICK(&G->g, given_m);
    name = pool_printf(&G->tmp, "%s %s %s", fam->vi, mn->vi, gn->vi);
    if (chance(&G->g, 0.3)) {
        snprintf(email, sizeof(email), "%s%s%lld@%s", gn->ascii, fam->ascii,
                 between(&G->g, 70, 2005), PICK(&G->g, mail_host));
    }
    if (L->cu->parent && strstr(unit_by_id(G, L->cu->parent)->name, "xã")) {
        addr = pool_printf(&G->tmp, "%s, %s, tỉnh Ninh Bình", PICK(&G->g, villages),
                           PICK(&G->g, communes));
    } else if (chance(&G->g, 0.7)) {
        addr = pool_printf(&G->tmp, "Số %lld đường %s, %s, tỉnh Ninh Bình", between(&G->g, 1, 320),
                           PICK(&G->g, streets), PICK(&G->g, wards));
    } else {
        addr = pool_printf(&G->tmp, "%s, %s, tỉnh Ninh Bình", PICK(&G->g, villages),
                           PICK(&G->g, communes));
    }
    snprintf(phone, sizeof(phone), "%s%07lld", PICK(&G->g, phone_prefix), below(&G->g, 10000000));

    /* TT01 Art. 19 code with the unit's sequence of the day; the book runs per year */
    cal_ymd(L->day, &y, &m, &d);
    snprintf(code, sizeof(code), "%s-%02d%02d%02d-%04lld", L->cu->code, y % 100, m, d,
             seq_next(&G->seq, L->cu->code, L->day, 1));
    snprintf(book, sizeof(book), "book:%lld", L->centre);

    jb_row(b);
    jb_int(b, L->id);
    jb_str(b, code);
    jb_int(b, L->centre);
    jb_int(b, L->counter_id);
    jb_int(b, L->officer_id);
    jb_int(b, L->pr->id);
    jb_int(b, L->holder);
    jb_str(b, name);
    jb_str(b, addr);
    jb_str(b, phone);
    jb_str(b, email);
    jb_int(b, chance(&G->g, 0.9) ? 1 : between(&G->g, 2, 3));
    jb_str(b, chance(&G->g, 0.75) ? "counter" : chance(&G->g, 0.9) ? "online" : "post");
    jb_str(b, L->collect);
    jb_str(b, L->status);
    jb_time(b, L->received);
    jb_time(b, L->due);
    jb_time(b, L->odue);
    jb_time(b, L->paused);
    jb_time(b, L->fin);
    jb_time(b, L->ret);
    jb_int(b, L->reap);
    jb_time(b, L->esc);
    jb_int(b, seq_next(&G->seq, book, y, 0));
    rc = jb_end(G, b);

    /* its QR link, printed on the receipt: the nonce is unique by construction,
     * and a token still needs the server's MAC */
    {
        uint64_t v = mix64(G->o->seed * 0x2545f4914f6cdd1dULL ^ (uint64_t)L->qr);
        unsigned char bytes[8];

        for (int i = 0; i < 8; i++) {
            bytes[i] = (unsigned char)(v >> (8 * i));
        }
        base32_encode(bytes, sizeof(bytes), nonce);
        nonce[TOKEN_NONCE_LEN] = '\0';
    }
    b = &G->b_qr;
    jb_row(b);
    jb_int(b, L->qr);
    jb_str(b, nonce);
    jb_int(b, L->centre);
    jb_int(b, L->counter_id);
    jb_int(b, L->officer_id);
    jb_int(b, L->id);
    jb_time(b, L->received);
    if (rc == DB_OK) {
        rc = jb_end(G, b);
    }

    /* control slip: each hand-over judged against the appointment of its time */
    for (size_t i = 0; rc == DB_OK && i < L->nhops; i++) {
        const struct hop *h = &L->hops[i];
        time_t due = L->fin && i == L->nhops - 1 ? L->due : L->odue;

        b = &G->b_step;
        jb_row(b);
        jb_int(b, L->id);
        jb_int(b, (long long)i + 1);
        jb_int(b, h->from);
        jb_int(b, h->to);
        jb_str(b, h->giver);
        jb_str(b, h->receiver);
        jb_time(b, h->handed);
        jb_time(b, due);
        jb_time(b, h->done);
        if (h->done) {
            int r = timeliness(h->done, due);

            jb_str(b, r < 0 ? "early" : r == 0 ? "on_time" : "late");
        } else {
            jb_null(b);
        }
        rc = jb_end(G, b);
    }

    /* the public timeline */
    if (rc == DB_OK) {
        rc = event(G, L->id, L->received, "received", L->centre, NULL);
    }
    for (size_t i = 0; rc == DB_OK && i < L->nhops; i++) {
        if (!(L->fin && i == L->nhops - 1)) {
            rc = event(G, L->id, L->hops[i].handed, "forwarded", L->hops[i].to, NULL);
        }
    }
    if (rc == DB_OK && L->paused) {
        rc = event(G, L->id, L->paused, "supplement_requested", L->holder,
                   PICK(&G->g, supplement_notes));
    }
    if (rc == DB_OK && L->fin) {
        rc = event(G, L->id, L->fin, "ready", L->units[L->nunits - 1], NULL);
    }
    if (rc == DB_OK && L->ret) {
        rc = event(G, L->id, L->ret, "returned", L->centre, NULL);
    }
    if (rc == DB_OK && L->esc) {
        rc = event(G, L->id, L->esc, "escalated", 0, NULL);
    }

    /* aggregates, as the write path counts them (store_dossier.c) */
    stat_add(&G->dstat, L->centre, L->counter_id, L->officer_id, L->day, 0, 1);
    if (L->fin) {
        int fd = cal_local_day(L->fin);

        stat_add(&G->dstat, L->centre, L->counter_id, L->officer_id, fd, 1, 1);
        stat_add(&G->dstat, L->centre, L->counter_id, L->officer_id, fd,
                 L->t < 0    ? 2
                 : L->t == 0 ? 3
                             : 4,
                 1);
        stat_add(&G->dstat, L->centre, L->counter_id, L->officer_id, fd, 7, L->delay);
    }
    return rc;
}

/* Simulate and write one dossier received at `received` on `day`; open: it
 * is one of the dossiers still in progress, received `age` working days ago. */
static enum db_rc
one_dossier_of(struct gen *G, const struct g_proc *pr, int apology, int day, time_t received,
               int open, int age, int nratings, int nfeedback)
{
    struct life L = {.day = day, .received = received, .open = open, .age = age, .apology = apology};
    struct g_counter *counter;
    enum db_rc rc;
    int late;

    /* open ones are mostly procedures whose time is not long past */
    L.pr = pr ? pr : pick_proc(G, open ? (age + 1) / 2 : 0);
    L.id = G->next_dossier++;
    L.qr = G->next_qr++;
    /* ND118: a commune-level procedure is received at any commune centre */
    if (L.pr->commune && G->ncommune && !chance(&G->g, 0.6)) {
        L.centre = G->commune_centres[below(&G->g, (long long)G->ncommune)];
    } else {
        L.centre = L.pr->unit_id;
    }
    L.cu = unit_by_id(G, L.centre);
    counter = counter_for(G, L.centre, L.pr->rule);
    if (counter) {
        L.counter_id = counter->id;
        L.officer = user_at_counter(G, L.counter_id);
        L.officer_id = L.officer ? L.officer->id : 0;
    }
    L.due = L.odue = cal_due(G->cal, received, L.pr->tvalue, L.pr->tunit, L.pr->cutoff);
    L.due_day = cal_local_day(L.due);
    L.nunits = chain(G, L.pr, L.centre, L.units);
    /* the first hand-over: within the hour and a half, or the next morning */
    L.t0 = received + (time_t)between(&G->g, 600, 5400);
    if (cal_local_minutes(L.t0) >= 17 * 60) {
        L.t0 = cal_instant(cal_next_working(G->cal, day), (int)between(&G->g, 450, 540));
    }
    if (!open) {
        live_outcome(G, &L);
    }
    live_hops(G, &L);
    live_apology(G, &L);
    live_return(G, &L);
    rc = write_dossier(G, &L);

    /* what the citizen says about it */
    late = L.fin ? L.t > 0 : L.due < G->now;
    for (int i = 0; i < nratings; i++) {
        time_t at = L.ret ? L.ret + (time_t)between(&G->g, 60, 1200)
                          : received + (time_t)between(&G->g, 120, 1800);

        add_rating(G, i == 0 ? L.id : 0, i == 0 ? L.qr : 0, L.centre, L.counter_id, L.officer_id,
                   not_after_now(G, L.ret ? L.ret : received, at), late);
    }
    for (int i = 0; i < nfeedback; i++) {
        add_feedback(G, L.id, L.centre, L.counter_id, L.officer_id, received, L.ret ? L.ret : L.fin,
                     late);
    }
    return rc;
}

static enum db_rc
one_dossier(struct gen *G, int day, time_t received, int open, int age, int nratings, int nfeedback)
{
    return one_dossier_of(G, NULL, -1, day, received, open, age, nratings, nfeedback);
}

/* The demo province shows the whole apology workflow whatever day it is
 * loaded: open dossiers of a provincial procedure counted in working days,
 * received so that they are due today (the next working day on a day off),
 * the working day after, in three working days, or were due three working
 * days before, with and without an apology letter, signed or waiting for the
 * leader's signature. */
static enum db_rc
showcase(struct gen *G)
{
    static const struct {
        int due_in;  /* working days from today to the appointment */
        int apology; /* 0 none, 1 signed, 2 a draft */
    } want[SHOWCASE_N] = { { 0, 0 }, { 0, 2 }, { 1, 0 }, { 1, 1 }, { 3, 0 }, { -3, 0 }, { -3, 1 } };
    const struct g_proc *pr = NULL;
    enum db_rc rc = DB_OK;

    for (size_t i = 0; i < G->nprocs && pr == NULL; i++) {
        const struct g_proc *c = &G->procs[i];

        if (c->tunit == CAL_WORKING_DAYS && !c->commune && c->tvalue >= 3 && c->tvalue <= 10) {
            pr = c;
        }
    }
    if (pr == NULL && G->nprocs > 0) {
        pr = &G->procs[0]; /* a catalogue without such a procedure: the dates still hold */
    }
    /* "today" is the first working day from today: on a holiday or a
     * weekend nothing falls due, the next working day does */
    int first = cal_is_working(G->cal, G->today) ? G->today : cal_next_working(G->cal, G->today);

    for (size_t k = 0; pr && rc == DB_OK && k < NELEM(want); k++) {
        int due_day = cal_add_working_days(G->cal, first, want[k].due_in);
        int day = cal_add_working_days(G->cal, due_day, -pr->tvalue);
        time_t received = cal_instant(day, 8 * 60 + 15 + 7 * (int)k);

        if (received >= G->now) {
            received = G->now - 60 * (time_t)(k + 1); /* today, before the counters open */
        }
        rc = one_dossier_of(G, pr, want[k].apology, day, received, 1,
                            cal_working_days_between(G->cal, day, G->today), 0, 0);
    }
    return rc;
}

/* ---- ratings and feedback, collected ----------------------------------- */

static void
add_rating(struct gen *G, long long dossier, long long qr, long long unit, long long counter,
           long long officer, time_t at, int late)
{
    struct g_rating *r;
    double x = unit01(&G->g), y = unit01(&G->g);
    struct g_counter *c = NULL;
    struct g_user *o = NULL;

    for (size_t i = 0; i < G->ncounters; i++) {
        if (G->counters[i].id == counter) {
            c = &G->counters[i];
        }
    }
    for (size_t i = 0; i < G->nusers; i++) {
        if (G->users[i].id == officer) {
            o = &G->users[i];
        }
    }
    push((void **)&G->ratings, &G->nratings, &G->cratings, sizeof(*G->ratings));
    r = &G->ratings[G->nratings - 1];
    r->at = at;
    r->unit = unit;
    /* through the dossier's own QR code, the counter's, the officer's, or the kiosk */
    if (dossier && x < 0.4) {
        r->dossier_id = dossier;
        r->link = qr;
        r->counter = counter;
        r->officer = officer;
        r->channel = 0;
    } else if (o && o->link && x < 0.6) {
        r->link = o->link;
        r->counter = o->counter_id;
        r->officer = o->id;
        r->channel = 0;
    } else if (c && c->link && x < 0.9) {
        r->link = c->link;
        r->counter = counter;
        r->channel = 0;
    } else {
        r->counter = counter;
        r->officer = officer;
        r->channel = 1;
    }
    /* ≈ 70 % rất hài lòng, 22 % hài lòng, 8 % không hài lòng; worse when late */
    if (late) {
        r->level = y < 0.45 ? 3 : y < 0.70 ? 2 : 1;
    } else {
        r->level = y < 0.72 ? 3 : y < 0.94 ? 2 : 1;
    }
    for (int k = 0; k < 4; k++) {
        if (chance(&G->g, 0.6)) {
            int v = r->level + (chance(&G->g, 0.2) ? (chance(&G->g, 0.5) ? 1 : -1) : 0);

            r->c[k] = (signed char)(v < 1 ? 1 : v > 3 ? 3 : v);
        }
    }
    r->comment = chance(&G->g, 0.15) ? (signed char)below(&G->g, 4) : -1;
}

static long long
officer_of_unit(struct gen *G, long long unit)
{
    long long found[8];
    int n = 0;

    for (size_t i = 0; i < G->nusers && n < 8; i++) {
        if (G->users[i].unit_id == unit && strcmp(G->users[i].role, "officer") == 0) {
            found[n++] = G->users[i].id;
        }
    }
    return n ? found[below(&G->g, n)] : 0;
}

static void
add_feedback(struct gen *G, long long dossier, long long unit, long long counter, long long officer,
             time_t received, time_t returned, int late)
{
    struct g_feedback *f;
    double x = unit01(&G->g), y;
    struct g_user *o = NULL;
    struct g_counter *c = NULL;
    struct g_unit *u = unit_by_id(G, unit);
    int cday, dday;

    for (size_t i = 0; i < G->nusers; i++) {
        if (G->users[i].id == officer) {
            o = &G->users[i];
        }
    }
    for (size_t i = 0; i < G->ncounters; i++) {
        if (G->counters[i].id == counter) {
            c = &G->counters[i];
        }
    }
    push((void **)&G->fbs, &G->nfbs, &G->cfbs, sizeof(*G->fbs));
    f = &G->fbs[G->nfbs - 1];
    f->unit = unit;
    if (late) {
        f->kind = x < 0.45   ? FK_CONDUCT
                  : x < 0.75 ? FK_PETITION
                  : x < 0.95 ? FK_SUGGESTION
                             : FK_PRAISE;
    } else {
        f->kind = x < 0.22   ? FK_CONDUCT
                  : x < 0.50 ? FK_PETITION
                  : x < 0.85 ? FK_SUGGESTION
                             : FK_PRAISE;
    }
    /* when: on the spot, after the result, or days later from home */
    y = unit01(&G->g);
    if (f->kind == FK_PETITION) {
        f->created = received + (time_t)between(&G->g, 3600, 20 * 86400);
    } else if (returned && (f->kind == FK_PRAISE || y < 0.4)) {
        f->created = returned + (time_t)between(&G->g, 300, 2 * 86400);
    } else {
        f->created = received + (time_t)between(&G->g, 300, 4 * 3600);
    }
    f->created = not_after_now(G, received, f->created);
    /* who and through which QR code */
    y = unit01(&G->g);
    if (f->kind == FK_CONDUCT || f->kind == FK_PRAISE) {
        if (o && o->link && y < 0.5) {
            f->link = o->link;
            f->counter = o->counter_id;
            f->officer = o->id;
        } else if (c && c->link) {
            f->link = c->link;
            f->counter = counter;
        }
    } else if (f->kind == FK_SUGGESTION && c && c->link && y < 0.5) {
        f->link = c->link;
        f->counter = counter;
    } else if (u && u->unit_link && y < 0.8) {
        f->link = u->unit_link;
    }
    if ((f->kind == FK_PETITION || f->kind == FK_CONDUCT) && chance(&G->g, 0.25)) {
        f->dossier_id = dossier;
    }
    y = unit01(&G->g);
    switch (f->kind) {
    case FK_CONDUCT: f->identity = y < 0.5 ? 0 : y < 0.8 ? 1 : 2; break;
    case FK_PETITION: f->identity = y < 0.3 ? 0 : y < 0.4 ? 1 : 2; break;
    case FK_SUGGESTION: f->identity = y < 0.6 ? 0 : 2; break;
    default: f->identity = y < 0.5 ? 0 : 2; break;
    }
    if (f->identity) {
        f->female = chance(&G->g, 0.5);
        f->fam = (int)below(&G->g, (long long)NELEM(family));
        f->mid =
            (int)below(&G->g, f->female ? (long long)NELEM(middle_f) : (long long)NELEM(middle_m));
        f->giv =
            (int)below(&G->g, f->female ? (long long)NELEM(given_f) : (long long)NELEM(given_m));
        f->phone = (unsigned)below(&G->g, 10000000) * 32u + (unsigned)below(&G->g, 20);
        f->has_email = chance(&G->g, 0.4);
        f->has_address = chance(&G->g, f->kind == FK_PETITION ? 0.85 : 0.5);
    }
    f->content = (int)below(&G->g, (long long)fb_ncontent[f->kind]);
    f->answer = (int)below(&G->g, 2);
    f->satisfied = -1;

    /* the case's life */
    cday = cal_local_day(f->created);
    f->due = cal_due(G->cal, f->created, G->answer_days[f->kind], CAL_WORKING_DAYS, 0);
    f->forward_due = cal_due(G->cal, f->created, G->forward_days[f->kind], CAL_WORKING_DAYS, 0);
    dday = cal_local_day(f->due);
    f->classified = at_work(G, cal_add_working_days(G->cal, cday, (int)below(&G->g, 3)));
    if (f->classified <= f->created) {
        f->classified = f->created + (time_t)between(&G->g, 600, 7200);
    }
    if (chance(&G->g, 0.6)) {
        f->assigned = officer_of_unit(G, unit);
    }
    if (f->kind != FK_PRAISE && chance(&G->g, 0.04)) {
        f->rejected = 1;
        f->status = FS_REJECTED;
        if (f->classified > G->now) {
            f->status = FS_NEW;
            f->classified = 0;
            f->rejected = 0;
        }
        return;
    }
    if (chance(&G->g, 0.88)) {
        int span = cal_working_days_between(G->cal, cal_local_day(f->classified), dday);

        f->answered = at_work(G, cal_add_working_days(G->cal, cal_local_day(f->classified),
                                                      (int)below(&G->g, span > 0 ? span + 1 : 1)));
    } else {
        f->answered = at_work(G, cal_add_working_days(G->cal, dday, (int)between(&G->g, 1, 8)));
    }
    if (f->answered <= f->classified) {
        f->answered = f->classified + (time_t)between(&G->g, 1800, 3 * 3600);
    }
    if (f->classified > G->now) {
        f->classified = 0;
        f->answered = 0;
        f->status = FS_NEW;
    } else if (f->answered > G->now) {
        f->answered = 0;
        f->status = f->kind == FK_CONDUCT ? FS_CONDUCT : FS_ACCEPTED;
        if (chance(&G->g, 0.15)) {
            f->status = FS_NEED_INFO;
            f->paused = f->classified + (time_t)below(&G->g, G->now - f->classified);
            f->info = 1;
        }
    } else {
        double v = unit01(&G->g);

        f->satisfied = v < 0.75 ? 1 : v < 0.82 ? 0 : -1;
        f->closed = f->answered + (time_t)between(&G->g, 2 * 86400, 20 * 86400);
        if (f->satisfied == 0 && G->now - f->answered < 30 * 86400) {
            f->status = FS_REVIEW;
            f->closed = 0;
        } else if (f->closed <= G->now) {
            f->status = FS_CLOSED;
        } else {
            f->status = FS_ANSWERED;
            f->closed = 0;
        }
    }
    /* overdue and still open: the tick has already sent it up */
    if (f->answered == 0 && f->status != FS_NEED_INFO && f->due < G->now) {
        f->escalated = cal_instant(cal_next_working(G->cal, dday), 480);
        f->escalated = f->escalated <= G->now ? f->escalated : 0;
    }
}

/* ---- writing what was collected ----------------------------------------- */

static enum db_rc
next_chunk(struct gen *G)
{
    struct jbatch *all[] = {&G->b_dossier, &G->b_qr,     &G->b_step, &G->b_event,
                            &G->b_apology, &G->b_rating, &G->b_fb,   &G->b_fbev,
                            &G->b_dstat,   &G->b_fstat,  &G->b_seq};
    enum db_rc rc = DB_OK;

    for (size_t i = 0; rc == DB_OK && i < NELEM(all); i++) {
        rc = jb_flush(G, all[i]);
    }
    if (rc == DB_OK) {
        rc = gen_commit(G);
    }
    if (rc == DB_OK) {
        rc = db_begin(G->db);
    }
    return rc;
}

static int
by_signed(const void *a, const void *b)
{
    const struct g_apology *x = *(const struct g_apology *const *)a;
    const struct g_apology *y = *(const struct g_apology *const *)b;

    return x->signed_at < y->signed_at ? -1 : x->signed_at > y->signed_at;
}

static int
by_drafted(const void *a, const void *b)
{
    const struct g_apology *x = a, *y = b;

    return x->drafted < y->drafted         ? -1
           : x->drafted > y->drafted       ? 1
           : x->dossier_id < y->dossier_id ? -1
                                           : x->dossier_id > y->dossier_id;
}

static enum db_rc
write_apologies(struct gen *G)
{
    static const char *const delivery[] = {NULL, "counter", "sms", "email", "post"};
    struct g_apology **order;
    enum db_rc rc = DB_OK;

    qsort(G->apos, G->napos, sizeof(*G->apos), by_drafted);
    /* numbers ("15/PXL") run per unit and year in the order of signature */
    order = xcalloc(G->napos + 1, sizeof(*order));
    for (size_t i = 0; i < G->napos; i++) {
        order[i] = &G->apos[i];
    }
    qsort(order, G->napos, sizeof(*order), by_signed);
    for (size_t i = 0; i < G->napos; i++) {
        struct g_apology *a = order[i];
        char scope[48];
        int y;

        if (a->signed_at == 0) {
            continue;
        }
        cal_ymd(cal_local_day(a->signed_at), &y, NULL, NULL);
        snprintf(scope, sizeof(scope), "PXL-%lld", a->unit_id);
        a->number = (int)seq_next(&G->seq, scope, cal_day_from_ymd(y, 1, 1), 1);
    }
    free(order);
    for (size_t i = 0; rc == DB_OK && i < G->napos; i++) {
        struct g_apology *a = &G->apos[i];
        struct jbatch *b = &G->b_apology;
        char number[40];

        snprintf(number, sizeof(number), "%d/PXL", a->number);
        jb_row(b);
        jb_int(b, a->dossier_id);
        jb_int(b, a->unit_id);
        jb_str(b, a->signed_at ? number : NULL);
        jb_str(b, a->delivered ? "delivered" : a->signed_at ? "signed" : "draft");
        jb_str(b, a->reason->code);
        jb_str(b, a->reason->text);
        jb_time(b, a->old_due);
        jb_time(b, a->new_due);
        jb_int(b, a->drafted_by);
        jb_time(b, a->drafted);
        jb_int(b, a->signer_id);
        jb_str(b, a->signed_at ? a->signer_name : NULL);
        jb_str(b, a->signed_at ? a->signer_title : NULL);
        jb_time(b, a->signed_at);
        if (a->signed_at) {
            jb_int(b, a->on_time);
        } else {
            jb_null(b);
        }
        jb_str(b, a->delivered ? delivery[a->delivery] : NULL);
        jb_time(b, a->delivered);
        jb_str(b, a->signed_at ? a->sign_mode : NULL);
        jb_str(b, a->signed_at ? a->signer_position : NULL);
        rc = jb_end(G, b);
        if (rc == DB_OK && a->signed_at) {
            rc = event(G, a->dossier_id, a->signed_at, "apology", a->unit_id, number);
            stat_add(&G->dstat, a->d_unit, a->d_counter, a->d_officer, cal_local_day(a->signed_at),
                     5, 1);
            stat_add(&G->dstat, a->d_unit, a->d_counter, a->d_officer, cal_local_day(a->signed_at),
                     6, !a->on_time);
        }
        G->work_done++;
        if (rc == DB_OK && i % CHUNK == CHUNK - 1) {
            rc = next_chunk(G);
            progress(G, "apologies", 0);
        }
    }
    return rc;
}

static int
by_at(const void *a, const void *b)
{
    const struct g_rating *x = a, *y = b;

    return x->at < y->at ? -1 : x->at > y->at;
}

static enum db_rc
write_ratings(struct gen *G)
{
    static const char *const channel[] = {"qr", "kiosk"};
    enum db_rc rc = DB_OK;

    qsort(G->ratings, G->nratings, sizeof(*G->ratings), by_at);
    for (size_t i = 0; rc == DB_OK && i < G->nratings; i++) {
        struct g_rating *r = &G->ratings[i];
        struct jbatch *b = &G->b_rating;
        char ref[17], client[17];

        /* unique by construction: mix64 is a bijection */
        snprintf(ref, sizeof(ref), "%016llx",
                 (unsigned long long)mix64(G->o->seed * 0x9e3779b97f4a7c15ULL ^ (uint64_t)i ^
                                           ((uint64_t)G->next_dossier << 40)));
        snprintf(client, sizeof(client), "%016llx", (unsigned long long)rnd(&G->g));
        jb_row(b);
        jb_str(b, ref);
        jb_int(b, r->link);
        jb_str(b, channel[r->channel]);
        jb_int(b, r->unit);
        jb_int(b, r->counter);
        jb_int(b, r->officer);
        jb_int(b, r->dossier_id);
        jb_int(b, r->level);
        for (int k = 0; k < 4; k++) {
            if (r->c[k]) {
                jb_int(b, r->c[k]);
            } else {
                jb_null(b);
            }
        }
        jb_str(b, r->comment >= 0 ? comments[r->level - 1][r->comment] : "");
        jb_str(b, client);
        jb_time(b, r->at);
        rc = jb_end(G, b);
        stat_add(&G->fstat, r->unit, r->counter, r->officer, cal_local_day(r->at), 0, 1);
        stat_add(&G->fstat, r->unit, r->counter, r->officer, cal_local_day(r->at),
                 r->level == 3   ? 1
                 : r->level == 2 ? 2
                                 : 3,
                 1);
        for (int k = 0; k < 4; k++) {
            /* the TT01 criteria: sum and number of answers, columns 7.. */
            if (r->c[k]) {
                stat_add(&G->fstat, r->unit, r->counter, r->officer, cal_local_day(r->at),
                         7 + 2 * k, r->c[k]);
                stat_add(&G->fstat, r->unit, r->counter, r->officer, cal_local_day(r->at),
                         8 + 2 * k, 1);
            }
        }
        G->work_done++;
        if (rc == DB_OK && i % (CHUNK * 4) == CHUNK * 4 - 1) {
            rc = next_chunk(G);
            progress(G, "ratings", 0);
        }
    }
    return rc;
}

static int
by_created(const void *a, const void *b)
{
    const struct g_feedback *x = a, *y = b;

    return x->created < y->created ? -1 : x->created > y->created;
}

static enum db_rc
fb_event(struct gen *G, long long id, time_t at, long long actor, const char *ev, int pub,
         const char *body)
{
    struct jbatch *b = &G->b_fbev;

    jb_row(b);
    jb_int(b, id);
    jb_int(b, (long long)at);
    jb_int(b, actor);
    jb_str(b, ev);
    jb_int(b, pub);
    jb_str(b, body ? body : "");
    return jb_end(G, b);
}

static enum db_rc
write_feedback(struct gen *G)
{
    static const char *const ident[] = {"anonymous", "confidential", "named"};
    enum db_rc rc = DB_OK;

    qsort(G->fbs, G->nfbs, sizeof(*G->fbs), by_created);
    for (size_t i = 0; rc == DB_OK && i < G->nfbs; i++) {
        struct g_feedback *f = &G->fbs[i];
        struct jbatch *b = &G->b_fb;
        long long id = G->next_fb++;
        int day = cal_local_day(f->created), y, m, d;
        char code[48], check[8], phone[16] = "", email[96] = "", date[11];
        const char *name = NULL, *addr = NULL, *staff = NULL;
        long long actor = f->assigned ? f->assigned : officer_of_unit(G, f->unit);
        unsigned char cb[3];
        uint64_t v = rnd(&G->g);

        cal_ymd(day, &y, &m, &d);
        snprintf(code, sizeof(code), "PA-%04d%02d%02d-%04lld", y, m, d,
                 seq_next(&G->seq, "PA", day, 1));
        cb[0] = (unsigned char)v;
        cb[1] = (unsigned char)(v >> 8);
        cb[2] = (unsigned char)(v >> 16);
        base32_encode(cb, 3, check);
        check[4] = '\0';
        if (f->identity) {
            const struct name *mn = f->female ? &middle_f[f->mid] : &middle_m[f->mid];
            const struct name *gn = f->female ? &given_f[f->giv] : &given_m[f->giv];

            name = pool_printf(&G->p, "%s %s %s", family[f->fam].vi, mn->vi, gn->vi);
            snprintf(phone, sizeof(phone), "%s%07u",
                     phone_prefix[f->phone % 32 % NELEM(phone_prefix)], f->phone / 32);
            if (f->has_email) {
                snprintf(email, sizeof(email), "%s.%s%u@%s", gn->ascii, family[f->fam].ascii,
                         f->phone % 97, mail_host[f->phone % NELEM(mail_host)]);
            }
            if (f->has_address) {
                addr =
                    pool_printf(&G->p, "Số %u đường %s, %s, tỉnh Ninh Bình", 1 + f->phone % 250,
                                streets[f->phone % NELEM(streets)], wards[f->phone % NELEM(wards)]);
            }
        }
        for (size_t k = 0; k < G->nusers; k++) {
            if (G->users[k].id == f->assigned) {
                staff = G->users[k].name;
            }
        }
        jb_row(b);
        jb_int(b, id);
        jb_str(b, code);
        jb_str(b, check);
        jb_str(b, fk_code[f->kind]);
        jb_str(b, fs_name[f->status]);
        jb_int(b, f->unit);
        jb_int(b, f->counter);
        jb_int(b, f->officer);
        jb_int(b, f->dossier_id);
        jb_int(b, f->link);
        jb_str(b, fb_content[f->kind][f->content]);
        jb_str(b, ident[f->identity]);
        jb_str(b, name);
        jb_str(b, f->identity ? phone : NULL);
        jb_str(b, email[0] ? email : NULL);
        jb_str(b, addr);
        jb_int(b, f->kind == FK_PETITION && f->identity && name && addr);
        jb_int(b, f->assigned);
        jb_time(b, f->created);
        jb_time(b, f->classified);
        jb_time(b, f->due);
        jb_time(b, f->forward_due);
        jb_time(b, f->paused);
        jb_time(b, f->answered);
        jb_time(b, f->status == FS_REJECTED ? f->classified : f->closed);
        if (f->satisfied >= 0) {
            jb_int(b, f->satisfied);
        } else {
            jb_null(b);
        }
        jb_time(b, f->escalated);
        jb_str(b, folded_content(G, f->kind, f->content));
        rc = jb_end(G, b);

        /* its timeline */
        if (rc == DB_OK) {
            rc = fb_event(G, id, f->created, 0, "created", 1, NULL);
        }
        if (rc == DB_OK && f->status == FS_REJECTED) {
            rc = fb_event(G, id, f->classified, actor, "rejected", 1, fb_reject);
        } else if (rc == DB_OK && f->classified) {
            rc = fb_event(G, id, f->classified, actor, "classified", 1, NULL);
            if (rc == DB_OK && staff) {
                rc = fb_event(G, id, f->classified + 600, actor, "assigned", 0, staff);
            }
        }
        if (rc == DB_OK && f->info) {
            rc = fb_event(G, id, f->paused, actor, "info_request", 1, fb_info);
        }
        if (rc == DB_OK && f->answered) {
            rc = fb_event(G, id, f->answered, actor, "answer", 1, fb_answer[f->kind][f->answer]);
        }
        if (rc == DB_OK && f->satisfied >= 0) {
            rc = fb_event(G, id, min_t(f->answered + 7200, G->now), 0,
                          f->satisfied ? "citizen_satisfied" : "review_requested", 1, NULL);
        }
        if (rc == DB_OK && f->closed) {
            rc = fb_event(G, id, f->closed, actor, "closed", 1, NULL);
        }
        if (rc == DB_OK && f->escalated) {
            rc = fb_event(G, id, f->escalated, 0, "escalated", 0, NULL);
        }
        /* aggregates as store_feedback.c and store_case.c count them */
        stat_add(&G->fstat, f->unit, f->counter, f->officer, day, 4, 1);
        if (f->answered) {
            int aday = cal_local_day(f->answered);

            stat_add(&G->fstat, f->unit, f->counter, f->officer, aday, 5, 1);
            stat_add(&G->fstat, f->unit, f->counter, f->officer, aday, 6, f->answered <= f->due);
        }
        (void)cal_format(day, date);
        G->work_done++;
        if (rc == DB_OK && i % CHUNK == CHUNK - 1) {
            rc = next_chunk(G);
            progress(G, "feedback", 0);
        }
    }
    return rc;
}

static enum db_rc
write_stats(struct gen *G, struct statset *s, struct jbatch *b)
{
    static const char *const scope[] = {"unit", "counter", "officer"};
    enum db_rc rc = DB_OK;

    for (int k = 0; rc == DB_OK && k < s->nslot; k++) {
        for (int d = 0; rc == DB_OK && d < s->ndays; d++) {
            const int *v = s->slot[k].v + (size_t)d * (size_t)s->ncols;
            char day[11];
            int any = 0;

            for (int c = 0; c < s->ncols; c++) {
                any |= v[c] != 0;
            }
            if (!any) {
                continue;
            }
            jb_row(b);
            jb_str(b, scope[s->slot[k].scope]);
            jb_int(b, s->slot[k].id);
            jb_str(b, cal_format(s->first + d, day));
            for (int c = 0; c < s->ncols; c++) {
                jb_int(b, v[c]);
            }
            rc = jb_end(G, b);
        }
    }
    return rc;
}

static enum db_rc
write_seq(struct gen *G)
{
    enum db_rc rc = DB_OK;

    for (size_t i = 0; rc == DB_OK && i < G->seq.cap; i++) {
        struct seq_entry *e = &G->seq.e[i];
        char day[11];

        if (!e->scope[0] || !e->dirty || !e->persist) {
            continue;
        }
        jb_row(&G->b_seq);
        jb_str(&G->b_seq, e->scope);
        jb_str(&G->b_seq, cal_format(e->day, day));
        jb_int(&G->b_seq, e->n);
        rc = jb_end(G, &G->b_seq);
    }
    return rc;
}

/* ---- the plan: how many dossiers on which day ---------------------------- */

struct plan_day {
    int day;
    long long fin, open;
};

static double
day_weight(struct gen *G, int day)
{
    static const double month[12] = {1.15, 0.75, 1.05, 1.05, 1.0,  0.95,
                                     0.95, 0.95, 1.0,  1.05, 1.05, 1.15};
    static const double wday[7] = {0.5, 1.2, 1.05, 1.0, 1.0, 0.9, 0.6};
    int mo;

    cal_ymd(day, NULL, &mo, NULL);
    /* busier every year (+20 %), Tết quieter, Mondays busier, and day-to-day noise */
    return pow(1.2, (double)(day - G->first) / 365.25) * month[mo - 1] * wday[cal_weekday(day)] *
           (0.8 + 0.4 * unit01(&G->g));
}

static void
spread(long long n, const double *w, size_t nw, long long *out)
{
    double total = 0, cum = 0;
    long long given = 0;

    for (size_t i = 0; i < nw; i++) {
        total += w[i];
    }
    for (size_t i = 0; i < nw; i++) {
        long long upto;

        cum += w[i];
        upto = i + 1 == nw ? n : (long long)floor((double)n * cum / total);
        out[i] = upto - given;
        given = upto;
    }
}

/* Pick k of the remaining n items (selection sampling, Knuth's algorithm S). */
static int
selected(struct gen *G, long long *need, long long remaining)
{
    if (*need > 0 && below(&G->g, remaining) < *need) {
        (*need)--;
        return 1;
    }
    return 0;
}

static int
by_minute(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

int
demo_generate(struct sctx *x, const struct cal *cal, const struct demo_opts *o)
{
    struct gen *G = xcalloc(1, sizeof(*G));
    /* the showcase's dossiers are part of the count asked for */
    int show = o->showcase && o->dossiers >= 10 * SHOWCASE_N;
    long long N = o->dossiers - (show ? SHOWCASE_N : 0), M = o->feedback,
              R = o->ratings < 0 ? 3 * o->dossiers / 10 : o->ratings;
    long long need_r, need_f, idx = 0, base_r, base_f;
    struct plan_day *days = NULL;
    double *w = NULL;
    long long *cnt = NULL;
    size_t ndays = 0;
    int *minutes = NULL, status = 1, load, now_min, last_ok;
    enum db_rc rc = DB_OK;

    G->x = x;
    G->db = x->db;
    G->cal = cal;
    G->o = o;
    G->g.s = o->seed ^ 0x6d6f74637561ULL;
    G->now = time(NULL);
    G->today = cal_local_day(G->now);
    G->first = G->today - (int)(365.25 * YEARS);
    G->tty = isatty(2);
    G->t0 = seconds();
    G->last_decile = -1;
    if (N < 0 || M < 0 || R < 0) {
        fprintf(stderr, "motcuactl: counts must not be negative\n");
        goto out;
    }
    if (N == 0 && (M > 0 || R > 0)) {
        fprintf(stderr, "motcuactl: ratings and feedback are generated around dossiers:"
                        " give --dossiers too\n");
        goto out;
    }
    if ((load = load_model(G)) != 0) {
        if (load < 0) {
            fprintf(stderr, "motcuactl: demo-data: %s\n", db_error(G->db));
        }
        goto out;
    }
    G->dstat = (struct statset){.ncols = 8, .ndays = G->today - G->first + 1, .first = G->first};
    G->fstat = (struct statset){.ncols = 15, .ndays = G->today - G->first + 1, .first = G->first};
    jb_init(&G->b_dossier, sql_dossier);
    jb_init(&G->b_step, sql_step);
    jb_init(&G->b_event, sql_event);
    jb_init(&G->b_qr, sql_qr);
    jb_init(&G->b_apology, sql_apology);
    jb_init(&G->b_rating, sql_rating);
    jb_init(&G->b_fb, sql_feedback);
    jb_init(&G->b_fbev, sql_fbevent);
    jb_init(&G->b_dstat, sql_dstat);
    jb_init(&G->b_fstat, sql_fstat);
    jb_init(&G->b_seq, sql_seq);

    /* the working days, today only once the counters have been open a while */
    now_min = cal_local_minutes(G->now);
    days = xcalloc((size_t)(G->today - G->first + 2), sizeof(*days));
    for (int d = G->first; d <= G->today; d++) {
        if (cal_is_working(cal, d) && (d < G->today || now_min >= 8 * 60)) {
            days[ndays++].day = d;
        }
    }
    w = xcalloc(ndays + 1, sizeof(*w));
    cnt = xcalloc(ndays + 1, sizeof(*cnt));
    for (size_t i = 0; i < ndays; i++) {
        w[i] = day_weight(G, days[i].day);
    }
    {
        long long nopen = (long long)llround(OPEN_SHARE * (double)N);
        size_t win = ndays < OPEN_WINDOW ? ndays : OPEN_WINDOW;

        spread(N - nopen, w, ndays, cnt);
        for (size_t i = 0; i < ndays; i++) {
            days[i].fin = cnt[i];
        }
        /* the open ones: mostly the last weeks, a tail of stuck ones */
        for (size_t i = 0; i < win; i++) {
            w[i] = exp(-(double)(win - 1 - i) / 15.0);
        }
        spread(nopen, w, win, cnt);
        for (size_t i = 0; i < win; i++) {
            days[ndays - win + i].open = cnt[i];
        }
    }
    G->work_total = N + R + M + N / 25;
    base_r = N ? R / N : 0;
    base_f = N ? M / N : 0;
    need_r = N ? R % N : 0;
    need_f = N ? M % N : 0;
    /* a bulk load: the generator keeps the references right itself */
    if (db_exec(G->db, "SET SESSION foreign_key_checks = 0", DB_NOARGS, NULL, NULL) != DB_OK ||
        db_begin(G->db) != DB_OK) {
        fprintf(stderr, "motcuactl: demo-data: %s\n", db_error(G->db));
        goto out;
    }
    last_ok = now_min > 17 * 60 ? 17 * 60 : now_min - 1;
    for (size_t i = 0; rc == DB_OK && i < ndays; i++) {
        long long n = days[i].fin + days[i].open, open_left = days[i].open;
        int age = (int)(ndays - 1 - i);

        if (n == 0) {
            continue;
        }
        minutes = xrealloc(minutes, (size_t)n * sizeof(*minutes));
        for (long long k = 0; k < n; k++) {
            int mi = work_minute(G);

            if (days[i].day == G->today && mi > last_ok) {
                mi = (int)between(&G->g, 450, last_ok > 450 ? last_ok : 450);
            }
            minutes[k] = mi * 60 + (int)below(&G->g, 60);
        }
        qsort(minutes, (size_t)n, sizeof(*minutes), by_minute);
        for (long long k = 0; rc == DB_OK && k < n; k++) {
            time_t received = cal_instant(days[i].day, 0) + minutes[k];
            int open = selected(G, &open_left, n - k);
            int nr = (int)base_r + selected(G, &need_r, N - idx);
            int nf = (int)base_f + selected(G, &need_f, N - idx);

            rc = one_dossier(G, days[i].day, min_t(received, G->now - 60), open, age, nr, nf);
            idx++;
            G->work_done++;
            if (rc == DB_OK && idx % CHUNK == 0) {
                rc = next_chunk(G);
                pool_release(&G->tmp);
                progress(G, "dossiers", 0);
            }
        }
    }
    if (rc == DB_OK && show) {
        rc = showcase(G);
    }
    if (rc == DB_OK) {
        rc = next_chunk(G);
    }
    if (rc == DB_OK) {
        rc = write_apologies(G);
    }
    if (rc == DB_OK) {
        rc = next_chunk(G);
    }
    if (rc == DB_OK) {
        rc = write_ratings(G);
    }
    if (rc == DB_OK) {
        rc = next_chunk(G);
    }
    if (rc == DB_OK) {
        rc = write_feedback(G);
    }
    if (rc == DB_OK) {
        rc = next_chunk(G);
        progress(G, "aggregates", 0);
    }
    if (rc == DB_OK) {
        rc = write_stats(G, &G->dstat, &G->b_dstat);
    }
    if (rc == DB_OK) {
        rc = write_stats(G, &G->fstat, &G->b_fstat);
    }
    if (rc == DB_OK) {
        rc = gen_exec(G, sql_fcount, DB_ARGS(DV_I(G->first_fb), DV_I(G->next_fb)));
    }
    if (rc == DB_OK) {
        rc = gen_exec(G, sql_fverdict, DB_ARGS(DV_I(G->first_fb), DV_I(G->next_fb)));
    }
    if (rc == DB_OK) {
        rc = gen_exec(G, sql_fverdict_stat, DB_ARGS(DV_I(G->first_fb), DV_I(G->next_fb)));
    }
    if (rc == DB_OK) {
        /* time to answer by month and day of receipt, as the answers would have kept it */
        rc = gen_exec(G, "DELETE FROM stat_answer_month", DB_NOARGS);
    }
    if (rc == DB_OK) {
        rc = gen_exec(G, ANSWER_MONTH_RECOUNT(""), DB_NOARGS);
    }
    if (rc == DB_OK) {
        rc = gen_exec(G, "DELETE FROM stat_answer_day", DB_NOARGS);
    }
    if (rc == DB_OK) {
        rc = gen_exec(G, ANSWER_DAY_RECOUNT(""), DB_NOARGS);
    }
    if (rc == DB_OK) {
        rc = write_seq(G);
    }
    if (rc == DB_OK) {
        rc = next_chunk(G);
    }
    if ((rc = db_end(G->db, rc)) != DB_OK) {
        if (G->o->progress && G->tty) {
            fputc('\n', stderr);
        }
        fprintf(stderr, "motcuactl: demo-data: %s\n", db_error(G->db));
        goto out;
    }
    (void)db_exec(G->db, "SET SESSION foreign_key_checks = 1", DB_NOARGS, NULL, NULL);
    {
        /* the late-dossier figures of the days that have ended, from scratch */
        int ndays;

        int replayed;

        /* processing cycles as the write path keeps them: a dossier waiting
         * for documents restarts or pauses its clock by the rules in force */
        if (dossier_cycles_fill(G->x, &replayed) != DB_OK ||
            db_exec(G->db, "DELETE FROM stat_mark WHERE name = 'late'", DB_NOARGS, NULL, NULL) !=
                DB_OK ||
            stats_late_catch_up(G->x, &ndays) != DB_OK || stats_qd766_rebuild(G->x) != DB_OK) {
            fprintf(stderr, "motcuactl: demo-data: %s\n", db_error(G->db));
            goto out;
        }
    }
    G->work_done = G->work_total;
    progress(G, "done", 1);
    printf("demo-data: %lld dossiers, %zu apology letters, %zu ratings, %zu feedback cases"
           " (%lld rows) in %.1f s\n",
           idx, G->napos, G->nratings, G->nfbs, G->rows, seconds() - G->t0);
    status = 0;
out:
    for (int k = 0; k < G->dstat.nslot; k++) {
        free(G->dstat.slot[k].v);
    }
    for (int k = 0; k < G->fstat.nslot; k++) {
        free(G->fstat.slot[k].v);
    }
    {
        struct jbatch *all[] = {&G->b_dossier, &G->b_qr,     &G->b_step, &G->b_event,
                                &G->b_apology, &G->b_rating, &G->b_fb,   &G->b_fbev,
                                &G->b_dstat,   &G->b_fstat,  &G->b_seq};

        for (size_t i = 0; i < NELEM(all); i++) {
            buf_free(&all[i]->j);
        }
    }
    replay_forget(G);
    free(G->log);
    free(G->seq.e);
    free(G->apos);
    free(G->ratings);
    free(G->fbs);
    free(days);
    free(w);
    free(cnt);
    free(minutes);
    pool_release(&G->p);
    pool_release(&G->tmp);
    free(G);
    return status;
}
