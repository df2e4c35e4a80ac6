#include "core/store/RunStore.h"

#include <algorithm>

#include <sys/stat.h>
#include "core/util/Error.h"

#include <chrono>
#include <cstdio>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <sqlite3.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ptl {

namespace {

struct Stmt {
    sqlite3_stmt* s = nullptr;
    Stmt(sqlite3* db, const std::string& sql)
    {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            throw Error(std::string("run store: cannot prepare statement: ") + sqlite3_errmsg(db));
    }
    ~Stmt() { sqlite3_finalize(s); }
    Stmt& bind(int i, std::int64_t v) { sqlite3_bind_int64(s, i, v); return *this; }
    Stmt& bind(int i, double v) { sqlite3_bind_double(s, i, v); return *this; }
    Stmt& bind(int i, const std::string& v) { sqlite3_bind_text(s, i, v.c_str(), -1, SQLITE_TRANSIENT); return *this; }
    std::string text(int col) const
    {
        const auto* t = sqlite3_column_text(s, col);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
};

// What to do about a failed write, from SQLite's error code.
std::string writeHint(sqlite3* db)
{
    switch (sqlite3_errcode(db) & 0xff) {
    case SQLITE_READONLY: return "the store is read-only (file or folder permissions, read-only media); pass a writable --store";
    case SQLITE_FULL: return "the disk is full; free some space";
    case SQLITE_IOERR: return "the disk reported an error; is it full or gone?";
    default: return {};
    }
}

std::string hostName()
{
    char buf[256] = {0};
    gethostname(buf, sizeof buf - 1);
    return buf;
}

const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK(status IN ('running','paused','completed','cancelled','interrupted','diverged','failed')),
  config_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  family TEXT,
  objective TEXT,
  message TEXT,
  owner_pid INTEGER,
  owner_host TEXT
);
CREATE TABLE IF NOT EXISTS metrics(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  name TEXT NOT NULL,
  value REAL NOT NULL,
  wall_time REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS metrics_by_run ON metrics(run_id, name, step);
)sql";

// Version 3: a run's parent (a distilled student's teacher).
const char* kMigrateV3 = R"sql(
ALTER TABLE runs ADD COLUMN parent_run_id INTEGER;
ALTER TABLE runs ADD COLUMN parent_path TEXT;
)sql";

// Version 4: a run's rows by step, so listing 200 runs of 100,000 rows each, and reading a
// run's rows after a step (the live curves' poll), reads a few index pages per run instead
// of every row (a store like that listed in 20 s before, and froze the GUI's runs list).
const char* kMigrateV4 = R"sql(
CREATE INDEX IF NOT EXISTS metrics_by_step ON metrics(run_id, step);
)sql";

const char* kMigrateV2 = R"sql(
ALTER TABLE runs ADD COLUMN out_dir TEXT;
CREATE TABLE IF NOT EXISTS checkpoints(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  path TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY(run_id, step)
);
CREATE TABLE IF NOT EXISTS snapshots(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  wall_time REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_run ON snapshots(run_id, kind, step);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
  time TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL
);
)sql";

} // namespace

std::string nowIso8601()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

fs::path RunStore::defaultPath()
{
    const char* xdg = std::getenv("XDG_DATA_HOME");
    fs::path base;
    if (xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local" / "share";
    else
        base = fs::temp_directory_path();
    return base / "pretrainlab" / "runs.sqlite";
}

RunStore::RunStore(const fs::path& path) : path_(path)
{
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
        const std::string err = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error("cannot open run store " + path.string() + ": " + err, "check the path and permissions, or pass --store");
    }
    sqlite3_busy_timeout(db_, 5000);
    try {
        exec("PRAGMA journal_mode=WAL;");
        exec("PRAGMA foreign_keys=ON;");
        exec("PRAGMA synchronous=NORMAL;");
        migrate();
        markOrphansInterrupted();
        struct stat st{};
        if (::stat(path.c_str(), &st) == 0) {
            device_ = static_cast<std::uint64_t>(st.st_dev);
            inode_ = static_cast<std::uint64_t>(st.st_ino);
        }
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

RunStore::~RunStore() { sqlite3_close(db_); }

std::string RunStore::whyGone() const
{
    struct stat st{};
    if (::stat(path_.c_str(), &st) != 0) return "the run store " + path_.string() + " was deleted while it was open";
    if (inode_ != 0 && (static_cast<std::uint64_t>(st.st_ino) != inode_ || static_cast<std::uint64_t>(st.st_dev) != device_))
        return "the run store " + path_.string() + " was replaced by another file while it was open";
    return {};
}

void RunStore::exec(const std::string& sql) const
{
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw Error("run store " + path_.string() + ": " + msg,
                    msg.find("readonly") != std::string::npos ? "the store is read-only; pass a writable --store"
                    : msg.find("full") != std::string::npos   ? "the disk is full; free some space"
                                                              : "is it a PretrainLab run store?");
    }
}

int RunStore::schemaVersion() const
{
    Stmt has(db_, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'");
    sqlite3_step(has.s);
    if (sqlite3_column_int(has.s, 0) == 0) return 0;
    Stmt q(db_, "SELECT max(version) FROM schema_version");
    if (sqlite3_step(q.s) == SQLITE_ROW && sqlite3_column_type(q.s, 0) != SQLITE_NULL) return sqlite3_column_int(q.s, 0);
    return 0;
}

void RunStore::migrate()
{
    const int v = schemaVersion();
    if (v > kSchemaVersion)
        throw Error("run store " + path_.string() + " has schema version " + std::to_string(v) + ", newer than this PretrainLab (" +
                        std::to_string(kSchemaVersion) + ")",
                    "update PretrainLab, or use another --store");
    if (v < 1) {
        exec("BEGIN IMMEDIATE;");
        exec(kSchemaV1);
        exec("INSERT INTO schema_version(version) VALUES (1);");
        exec("COMMIT;");
    }
    // Each later version in its own transaction, rolled back whole if any of it fails.
    auto step = [&](int version, const char* sql) {
        if (v >= version) return;
        exec("BEGIN IMMEDIATE;");
        try {
            exec(sql);
            exec("DELETE FROM schema_version; INSERT INTO schema_version(version) VALUES (" + std::to_string(version) + ");");
            exec("COMMIT;");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
            throw;
        }
    };
    step(2, kMigrateV2);
    step(3, kMigrateV3);
    // A read-only store (a class's shared runs, a copy on read-only media) of version 3
    // reads as it is: version 4 only adds an index. Older ones need columns added.
    if (v == 3 && sqlite3_db_readonly(db_, "main") == 1) return;
    step(4, kMigrateV4);
    // Later versions add their step here.
}

void RunStore::markOrphansInterrupted()
{
    if (sqlite3_db_readonly(db_, "main") == 1) return;  // read-only: shown as they are; a writer marks them
    Stmt q(db_, "SELECT id, owner_pid, owner_host FROM runs WHERE status IN ('running','paused')");
    std::vector<std::int64_t> dead;
    const std::string host = hostName();
    while (sqlite3_step(q.s) == SQLITE_ROW) {
        const auto pid = static_cast<pid_t>(sqlite3_column_int64(q.s, 1));
        const std::string owner = q.text(2);
        const bool alive = owner == host && pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
        if (!alive && owner == host) dead.push_back(sqlite3_column_int64(q.s, 0));
    }
    for (auto id : dead) setStatus(id, "interrupted", "the process running it ended without finishing it");
}

std::int64_t RunStore::createRun(const std::string& name, const std::string& configJson, const std::string& family,
                                 const std::string& objective)
{
    Stmt s(db_, "INSERT INTO runs(name, status, config_json, created_at, family, objective, owner_pid, owner_host) "
                "VALUES (?, 'running', ?, ?, ?, ?, ?, ?)");
    s.bind(1, name).bind(2, configJson).bind(3, nowIso8601()).bind(4, family).bind(5, objective)
        .bind(6, static_cast<std::int64_t>(::getpid())).bind(7, hostName());
    if (sqlite3_step(s.s) != SQLITE_DONE)
        throw Error("run store " + path_.string() + ": cannot create a run: " + sqlite3_errmsg(db_), writeHint(db_));
    return sqlite3_last_insert_rowid(db_);
}

void RunStore::setStatus(std::int64_t runId, const std::string& status, const std::string& message)
{
    const bool final = status != "running" && status != "paused";
    Stmt s(db_, final ? "UPDATE runs SET status=?, message=?, finished_at=? WHERE id=?"
                      : "UPDATE runs SET status=?, message=?, finished_at=NULL WHERE id=?");
    s.bind(1, status).bind(2, message);
    if (final) s.bind(3, nowIso8601()).bind(4, runId); else s.bind(3, runId);
    if (sqlite3_step(s.s) != SQLITE_DONE)
        throw Error("run store " + path_.string() + ": cannot update run " + std::to_string(runId) + ": " + sqlite3_errmsg(db_), writeHint(db_));
}

void RunStore::appendMetrics(std::int64_t runId, const std::vector<MetricRow>& rows)
{
    exec("BEGIN IMMEDIATE;");
    try {
        Stmt s(db_, "INSERT INTO metrics(run_id, step, name, value, wall_time) VALUES (?, ?, ?, ?, ?)");
        for (const auto& r : rows) {
            sqlite3_reset(s.s);
            s.bind(1, runId).bind(2, r.step).bind(3, r.name).bind(4, r.value).bind(5, r.wallTime);
            if (sqlite3_step(s.s) != SQLITE_DONE)
                throw Error("run store " + path_.string() + ": cannot write metrics: " + sqlite3_errmsg(db_),
                            writeHint(db_).empty() ? "is the disk full?" : writeHint(db_));
        }
        exec("COMMIT;");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
}

static RunRecord readRun(const Stmt& q)
{
    RunRecord r;
    r.id = sqlite3_column_int64(q.s, 0);
    r.name = q.text(1);
    r.status = q.text(2);
    r.configJson = q.text(3);
    r.createdAt = q.text(4);
    r.finishedAt = q.text(5);
    r.family = q.text(6);
    r.objective = q.text(7);
    r.message = q.text(8);
    r.lastStep = sqlite3_column_int64(q.s, 9);
    r.outDir = q.text(10);
    if (sqlite3_column_type(q.s, 11) != SQLITE_NULL) r.lastEvalLoss = sqlite3_column_double(q.s, 11);
    if (sqlite3_column_type(q.s, 12) != SQLITE_NULL) r.bestEvalLoss = sqlite3_column_double(q.s, 12);
    r.wallSeconds = sqlite3_column_double(q.s, 13);
    r.parentRunId = sqlite3_column_int64(q.s, 14);
    r.parentPath = q.text(15);
    return r;
}

// Two full statements (not a prefix plus a concatenation: GCC 12 warns, wrongly, about
// the string operator+ there).
#define PTL_RUN_COLUMNS \
    "SELECT id, name, status, config_json, created_at, finished_at, family, objective, message, " \
    "(SELECT coalesce(max(step), 0) FROM metrics WHERE run_id = runs.id), out_dir, " \
    "(SELECT value FROM metrics WHERE run_id = runs.id AND name = 'eval_loss' ORDER BY step DESC LIMIT 1), " \
    "(SELECT min(value) FROM metrics WHERE run_id = runs.id AND name = 'eval_loss'), " \
    "(SELECT coalesce(max(wall_time), 0) FROM metrics WHERE run_id = runs.id AND " \
    "step = (SELECT max(step) FROM metrics WHERE run_id = runs.id)), coalesce(parent_run_id, 0), parent_path FROM runs"

void RunStore::claimRun(std::int64_t runId)
{
    Stmt s(db_, "UPDATE runs SET status='running', finished_at=NULL, message='', owner_pid=?, owner_host=? WHERE id=?");
    s.bind(1, static_cast<std::int64_t>(::getpid())).bind(2, hostName()).bind(3, runId);
    if (sqlite3_step(s.s) != SQLITE_DONE)
        throw Error("run store " + path_.string() + ": cannot claim run " + std::to_string(runId) + ": " + sqlite3_errmsg(db_), writeHint(db_));
}

void RunStore::setOutDir(std::int64_t runId, const std::string& dir)
{
    Stmt s(db_, "UPDATE runs SET out_dir=? WHERE id=?");
    s.bind(1, dir).bind(2, runId);
    if (sqlite3_step(s.s) != SQLITE_DONE)
        throw Error("run store " + path_.string() + ": " + sqlite3_errmsg(db_), writeHint(db_));
}

void RunStore::setParent(std::int64_t runId, std::int64_t parentRunId, const std::string& parentPath)
{
    Stmt s(db_, "UPDATE runs SET parent_run_id=?, parent_path=? WHERE id=?");
    s.bind(1, parentRunId).bind(2, parentPath).bind(3, runId);
    if (sqlite3_step(s.s) != SQLITE_DONE)
        throw Error("run store " + path_.string() + ": " + sqlite3_errmsg(db_), writeHint(db_));
}

void RunStore::renameRun(std::int64_t runId, const std::string& name)
{
    if (name.empty()) throw Error("a run name cannot be empty");
    Stmt s(db_, "UPDATE runs SET name=? WHERE id=?");
    s.bind(1, name).bind(2, runId);
    if (sqlite3_step(s.s) != SQLITE_DONE)
        throw Error("run store " + path_.string() + ": cannot rename run " + std::to_string(runId) + ": " + sqlite3_errmsg(db_), writeHint(db_));
}

void RunStore::deleteRun(std::int64_t runId)
{
    const auto r = run(runId);
    if (!r) throw Error("no run " + std::to_string(runId) + " in " + path_.string());
    if (r->status == "running" || r->status == "paused")
        throw Error("run " + std::to_string(runId) + " is " + r->status, "stop it before deleting it");
    std::error_code ec;
    for (const auto& ck : checkpoints(runId)) std::filesystem::remove_all(ck.path, ec);
    if (!r->outDir.empty() && std::filesystem::is_directory(r->outDir, ec) && std::filesystem::is_empty(r->outDir, ec))
        std::filesystem::remove(r->outDir, ec);
    exec("BEGIN IMMEDIATE;");
    try {
        for (const char* sql : {"DELETE FROM metrics WHERE run_id=?", "DELETE FROM snapshots WHERE run_id=?", "DELETE FROM checkpoints WHERE run_id=?",
                                "DELETE FROM events WHERE run_id=?", "DELETE FROM runs WHERE id=?"}) {
            Stmt s(db_, sql);
            s.bind(1, runId);
            if (sqlite3_step(s.s) != SQLITE_DONE) throw Error(std::string("run store: cannot delete: ") + sqlite3_errmsg(db_), writeHint(db_));
        }
        exec("COMMIT;");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
}

void RunStore::deleteMetricsAfter(std::int64_t runId, std::int64_t step)
{
    for (const char* sql : {"DELETE FROM metrics WHERE run_id=? AND step>?", "DELETE FROM snapshots WHERE run_id=? AND step>?"}) {
        Stmt s(db_, sql);
        s.bind(1, runId).bind(2, step);
        if (sqlite3_step(s.s) != SQLITE_DONE)
            throw Error("run store " + path_.string() + ": " + sqlite3_errmsg(db_), writeHint(db_));
    }
}

void RunStore::addCheckpoint(std::int64_t runId, std::int64_t step, const std::string& path)
{
    Stmt s(db_, "INSERT OR REPLACE INTO checkpoints(run_id, step, path, created_at) VALUES (?, ?, ?, ?)");
    s.bind(1, runId).bind(2, step).bind(3, path).bind(4, nowIso8601());
    if (sqlite3_step(s.s) != SQLITE_DONE)
        throw Error("run store " + path_.string() + ": cannot record checkpoint: " + sqlite3_errmsg(db_), "is the disk full?");
}

void RunStore::removeCheckpoint(std::int64_t runId, std::int64_t step)
{
    Stmt s(db_, "DELETE FROM checkpoints WHERE run_id=? AND step=?");
    s.bind(1, runId).bind(2, step);
    sqlite3_step(s.s);
}

std::vector<CheckpointRow> RunStore::checkpoints(std::int64_t runId) const
{
    Stmt q(db_, "SELECT step, path, created_at FROM checkpoints WHERE run_id=? ORDER BY step");
    q.bind(1, runId);
    std::vector<CheckpointRow> out;
    while (sqlite3_step(q.s) == SQLITE_ROW) out.push_back({sqlite3_column_int64(q.s, 0), q.text(1), q.text(2)});
    return out;
}

void RunStore::addSnapshot(std::int64_t runId, std::int64_t step, const std::string& kind, const std::string& payload, double wallTime)
{
    Stmt s(db_, "INSERT INTO snapshots(run_id, step, kind, payload, wall_time) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, runId).bind(2, step).bind(3, kind).bind(4, payload).bind(5, wallTime);
    if (sqlite3_step(s.s) != SQLITE_DONE)
        throw Error("run store " + path_.string() + ": cannot write a snapshot: " + sqlite3_errmsg(db_), "is the disk full?");
}

std::vector<SnapshotRow> RunStore::snapshots(std::int64_t runId, const std::string& kind, std::int64_t afterStep) const
{
    Stmt q(db_, kind.empty() ? "SELECT id, step, kind, payload, wall_time FROM snapshots WHERE run_id=? AND step>? ORDER BY step, id"
                             : "SELECT id, step, kind, payload, wall_time FROM snapshots WHERE run_id=? AND step>? AND kind=? ORDER BY step, id");
    q.bind(1, runId).bind(2, afterStep);
    if (!kind.empty()) q.bind(3, kind);
    std::vector<SnapshotRow> out;
    while (sqlite3_step(q.s) == SQLITE_ROW)
        out.push_back({sqlite3_column_int64(q.s, 0), sqlite3_column_int64(q.s, 1), q.text(2), q.text(3), sqlite3_column_double(q.s, 4)});
    return out;
}

void RunStore::addEvent(std::int64_t runId, const std::string& kind, const std::string& message)
{
    Stmt s(db_, "INSERT INTO events(run_id, time, kind, message) VALUES (?, ?, ?, ?)");
    s.bind(1, runId).bind(2, nowIso8601()).bind(3, kind).bind(4, message);
    sqlite3_step(s.s);
}

std::string RunStore::exportCsv(std::int64_t runId) const
{
    Stmt q(db_, "SELECT step, name, value, wall_time FROM metrics WHERE run_id=? ORDER BY step, rowid");
    q.bind(1, runId);
    std::string out = "run_id,step,name,value,wall_time\n";
    char buf[64];
    while (sqlite3_step(q.s) == SQLITE_ROW) {
        std::string name = q.text(1);
        if (name.find_first_of(",\"\n") != std::string::npos) {
            std::string quoted = "\"";
            for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            name = quoted + "\"";
        }
        out += std::to_string(runId) + "," + std::to_string(sqlite3_column_int64(q.s, 0)) + "," + name + ",";
        std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(q.s, 2));
        out += buf;
        std::snprintf(buf, sizeof buf, ",%.17g\n", sqlite3_column_double(q.s, 3));
        out += buf;
    }
    return out;
}

std::vector<RunRecord> RunStore::listRuns() const
{
    Stmt q(db_, PTL_RUN_COLUMNS " ORDER BY id");
    std::vector<RunRecord> out;
    while (sqlite3_step(q.s) == SQLITE_ROW) out.push_back(readRun(q));
    return out;
}

std::optional<RunRecord> RunStore::run(std::int64_t runId) const
{
    Stmt q(db_, PTL_RUN_COLUMNS " WHERE id = ?");
    q.bind(1, runId);
    if (sqlite3_step(q.s) == SQLITE_ROW) return readRun(q);
    return std::nullopt;
}

std::vector<MetricRow> RunStore::metrics(std::int64_t runId, std::int64_t afterStep) const
{
    Stmt q(db_, "SELECT step, name, value, wall_time FROM metrics WHERE run_id = ? AND step > ? ORDER BY step, rowid");
    q.bind(1, runId).bind(2, afterStep);
    std::vector<MetricRow> out;
    while (sqlite3_step(q.s) == SQLITE_ROW)
        out.push_back({sqlite3_column_int64(q.s, 0), q.text(1), sqlite3_column_double(q.s, 2), sqlite3_column_double(q.s, 3)});
    return out;
}

void RunStore::requireWritable() const
{
    if (sqlite3_db_readonly(db_, "main") == 1)
        throw Error("run store " + path_.string() + " is read-only: a run cannot be recorded in it",
                    "make it writable, or pass another --store (its runs can still be listed and compared)");
}

std::vector<MetricRow> RunStore::metricsNamed(std::int64_t runId, const std::vector<std::string>& names) const
{
    std::vector<MetricRow> out;
    Stmt q(db_, "SELECT step, name, value, wall_time FROM metrics WHERE run_id = ? AND name = ? ORDER BY step, rowid");
    for (const std::string& n : names) {
        sqlite3_reset(q.s);
        q.bind(1, runId).bind(2, n);
        while (sqlite3_step(q.s) == SQLITE_ROW)
            out.push_back({sqlite3_column_int64(q.s, 0), q.text(1), sqlite3_column_double(q.s, 2), sqlite3_column_double(q.s, 3)});
    }
    std::stable_sort(out.begin(), out.end(), [](const MetricRow& a, const MetricRow& b) { return a.step < b.step; });
    return out;
}

} // namespace ptl
