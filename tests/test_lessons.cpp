// Lessons (issue 16): every shipped lesson file is valid; a lesson runs end to end
// headless, computes its measures from its own runs and exports its folder.
#include "core/api/Lessons.h"
#include "core/api/Runs.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

using namespace ptl;
namespace fs = std::filesystem;

namespace {

// A lesson of two tiny runs (tests/data/lessons/01-tiny.json, also the GUI test's) whose
// claim, "A has more parameters than B", is decided by their measures; op flips it.
std::string tinyLesson(const std::string& op)
{
    std::string text = readTextFile(PTL_TEST_DATA "/lessons/01-tiny.json");
    const std::string from = R"("op": ">")";
    text.replace(text.find(from), from.size(), R"("op": ")" + op + "\"");
    return text;
}

bool hasHangul(const std::string& s)
{
    const QString q = QString::fromStdString(s);
    return std::any_of(q.begin(), q.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyShippedLessonIsValid()
    {
        const std::vector<Lesson> lessons = loadLessons();
        QVERIFY(lessons.size() >= 7);
        std::set<std::string> ids;
        std::set<int> chapters;
        for (const Lesson& l : lessons) {
            const std::string problems = validateLesson(l);
            if (!problems.empty()) qWarning("%s: %s", l.file.c_str(), problems.c_str());
            QVERIFY2(problems.empty(), l.id.c_str());
            QVERIFY(ids.insert(l.id).second);
            QVERIFY(chapters.insert(l.chapter).second);
            // Both languages everywhere, and the Korean really Korean.
            for (const LessonText* t : {&l.title, &l.idea, &l.claim, &l.question, &l.answer, &l.reproduced, &l.not_reproduced}) {
                QVERIFY(!t->en.empty());
                QVERIFY2(hasHangul(t->ko), l.id.c_str());
            }
            for (const LessonText& t : l.look) QVERIFY(hasHangul(t.ko) && !t.en.empty());
            // Each run's job spec builds (real preset, fields, task and shipped model) and its
            // steps fit the lesson's few minutes.
            std::map<std::string, std::int64_t> none;
            for (const LessonRun& r : l.runs) {
                if (r.from.rfind("run:", 0) == 0 || r.teacher.rfind("run:", 0) == 0) continue;
                const JobSpec spec = lessonJobSpec(l, r, none, "");
                QVERIFY(spec.train.steps >= 1 && spec.train.steps <= 1000);
                QCOMPARE(spec.name, lessonRunName(l, r));
            }
            // No result is written into a lesson: the measures come from its runs.
            QVERIFY(!l.measures.empty());
            QVERIFY(l.check.op == "<" || l.check.op == ">");
        }
    }

    void badLessonsAreRefusedWithTheField()
    {
        // A language missing: the message names the field.
        std::string text = tinyLesson("<");
        const std::string noEnglish = std::string(text).replace(text.find(R"(, "en": "The claim")"), 19, "");
        try {
            parseLesson(noEnglish, "x.json");
            QFAIL("a claim without English was accepted");
        } catch (const Error& e) {
            QVERIFY(e.message().find("x.json") != std::string::npos);
            QVERIFY(e.message().find("\"claim\"") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(Error, parseLesson("{not json", "y.json"));
        // Parsed but not valid: every problem listed.
        Lesson l = parseLesson(text, "t.json");
        QVERIFY(validateLesson(l).empty());
        l.view = "nowhere";
        l.runs[0].preset = "bert-huge";
        l.runs[1].set.push_back("not_a_field=1");
        l.measures[2].run = "c";
        l.check.b = "missing";
        const std::string problems = validateLesson(l);
        for (const char* word : {"nowhere", "bert-huge", "not_a_field", "no run 'c'", "check"})
            QVERIFY2(problems.find(word) != std::string::npos, word);
        QVERIFY_THROWS_EXCEPTION(Error, lessonById("no-such-lesson"));
    }

    void aLessonRunsAndExportsItsFolder()
    {
        QTemporaryDir dir;
        const std::string lessons = (dir.path() + QStringLiteral("/lessons")).toStdString();
        fs::create_directories(lessons);
        writeFileAtomic(fs::path(lessons) / "01-tiny.json", tinyLesson(">"));
        const Lesson l = lessonById("tiny", lessons);
        const std::string store = (dir.path() + QStringLiteral("/runs.sqlite")).toStdString();
        LessonObserver obs;
        StopToken stop;
        const LessonResult r = runLesson(l, store, obs, stop);
        QCOMPARE(r.status, std::string("completed"));
        QCOMPARE(r.runIds.size(), std::size_t(2));
        QCOMPARE(r.measured.size(), std::size_t(3));
        for (const auto& m : r.measured) QVERIFY(m.known);
        // Two layers against one: A has more parameters, so "na > nb" holds.
        QVERIFY(r.measured[0].value > r.measured[1].value);
        QCOMPARE(r.verdict, 1);
        QCOMPARE(r.measured[2].value, lastMetricValue(RunStoreClient(store).metrics(r.runIds.at("a")), "eval_mlm_loss"));

        // The export: text in both languages with the measured figures, a CSV per run, the
        // focus metric as SVG, a store holding the lesson's runs alone.
        const std::string out = (dir.path() + QStringLiteral("/export")).toStdString();
        exportLesson(l, r, store, out, "en");
        for (const char* f : {"lesson.md", "result.json", "a.csv", "b.csv", "curves.svg", "runs.sqlite"}) QVERIFY2(fs::exists(fs::path(out) / f), f);
        const std::string md = readTextFile(fs::path(out) / "lesson.md");
        QVERIFY(md.find("A tiny lesson") < md.find("작은 레슨"));  // the chosen language first
        QVERIFY(md.find("REPRODUCED") != std::string::npos && md.find(r.measured[0].text) != std::string::npos);
        const auto result = nlohmann::json::parse(readTextFile(fs::path(out) / "result.json"));
        QCOMPARE(result.at("verdict").get<std::string>(), std::string("reproduced"));
        QCOMPARE(result.at("measures").at(2).at("value").get<double>(), r.measured[2].value);
        QVERIFY(readTextFile(fs::path(out) / "curves.svg").find("<polyline") != std::string::npos);
        const auto copied = listRuns(out + "/runs.sqlite");
        QCOMPARE(copied.size(), std::size_t(2));
        QCOMPARE(RunStoreClient(out + "/runs.sqlite").metrics(copied[0].id).size(),
                 RunStoreClient(store).metrics(r.runIds.at("a")).size());

        // A folder holding a run store that is not a lesson export (here the store the lesson
        // ran in) is refused before anything is written: nothing is lost.
        QVERIFY_THROWS_EXCEPTION(Error, exportLesson(l, r, store, dir.path().toStdString(), "en"));
        QCOMPARE(listRuns(store).size(), std::size_t(2));
        QVERIFY(!fs::exists(dir.path().toStdString() + "/lesson.md"));
        exportLesson(l, r, store, out, "ko");  // a previous export is replaced
        QCOMPARE(listRuns(out + "/runs.sqlite").size(), std::size_t(2));

        // Run again: the completed runs are reused, the figures the same; the opposite claim
        // is decided "not reproduced" from the same figures.
        const LessonResult again = runLesson(l, store, obs, stop);
        QVERIFY(again.reused.at("a") && again.reused.at("b"));
        QCOMPARE(again.runIds, r.runIds);
        Lesson opposite = parseLesson(tinyLesson("<"), "t.json");
        QCOMPARE(lessonResultFromStore(opposite, store).verdict, 0);

        // The CLI does the same headless.
        QProcess cli;
        cli.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        cli.start(QStringLiteral(PTL_CLI_PATH), {QStringLiteral("lesson"), QStringLiteral("list"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(cli.readAllStandardOutput().contains("bert-mlm"));
    }
};

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
