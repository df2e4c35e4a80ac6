#include "ui/generate/Generator.h"

#include <QMetaObject>

namespace ptl {
namespace ui {

Generator::Generator(QObject* parent) : QObject(parent), stop_(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<ptl::GenStep>();
    qRegisterMetaType<ptl::GenerateResult>();
    qRegisterMetaType<std::vector<ptl::GenerateResult>>();
    qRegisterMetaType<ptl::FewShotTask>();
    qRegisterMetaType<ptl::FewShotResult>();
    qRegisterMetaType<ptl::ChoiceScores>();
    qRegisterMetaType<ptl::ZeroShotResult>();
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("generator"));
    thread_.start();
}

Generator::~Generator()
{
    stop_->store(true);
    thread_.quit();
    thread_.wait();
}

void Generator::stop() { stop_->store(true); }

template <typename Work, typename Deliver>
int Generator::post(Work work, Deliver deliver)
{
    const int id = ++next_;
    stop_->store(false);
    busy_ = true;
    QMetaObject::invokeMethod(worker_, [this, id, work, deliver] {
        try {
            auto r = work(id);
            QMetaObject::invokeMethod(this, [this, id, deliver, r] {
                busy_ = false;
                deliver(this, id, r);
            }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, id, msg] {
                busy_ = false;
                Q_EMIT failed(id, msg);
            }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
    return id;
}

int Generator::generate(const QString& checkpoint, const QString& prompt, const GenerateOptions& options)
{
    return post(
        [this, stop = stop_, dir = checkpoint.toStdString(), text = prompt.toStdString(), options](int id) {
            return generateText(dir, text, options, [this, id, stop](const GenStep& s) {
                QMetaObject::invokeMethod(this, [this, id, s] { Q_EMIT stepArrived(id, s); }, Qt::QueuedConnection);
                return !stop->load();
            });
        },
        [](Generator* self, int id, const GenerateResult& r) { Q_EMIT self->finished(id, r); });
}

int Generator::compare(const QString& checkpoint, const QString& prompt, const std::vector<GenerateOptions>& options)
{
    return post(
        [stop = stop_, dir = checkpoint.toStdString(), text = prompt.toStdString(), options](int) {
            std::vector<GenerateResult> results;
            for (const GenerateOptions& o : options) {
                if (stop->load()) break;
                results.push_back(generateText(dir, text, o, [stop](const GenStep&) { return !stop->load(); }));
            }
            return results;
        },
        [](Generator* self, int id, const std::vector<GenerateResult>& r) { Q_EMIT self->compared(id, r); });
}

int Generator::buildTask(const QString& task)
{
    return post([name = task.toStdString()](int) { return buildFewShotTask(name); },
                [](Generator* self, int id, const FewShotTask& t) { Q_EMIT self->taskBuilt(id, t); });
}

int Generator::fewShot(const QString& checkpoint, const QString& task, const FewShotOptions& options)
{
    return post(
        [this, stop = stop_, dir = checkpoint.toStdString(), name = task.toStdString(), options](int id) {
            return runFewShot(dir, name, options, [this, id, stop](int done, int total) {
                QMetaObject::invokeMethod(this, [this, id, done, total] { Q_EMIT fewShotProgress(id, done, total); }, Qt::QueuedConnection);
                return !stop->load();
            });
        },
        [](Generator* self, int id, const FewShotResult& r) { Q_EMIT self->fewShotFinished(id, r); });
}

int Generator::scoreChoices(const QString& checkpoint, const QString& prompt, const std::vector<std::string>& choices, const QString& answerContext)
{
    return post([dir = checkpoint.toStdString(), p = prompt.toStdString(), choices, a = answerContext.toStdString()](int) {
        return ptl::scoreChoices(dir, p, choices, a);
    },
                [](Generator* self, int id, const ChoiceScores& s) { Q_EMIT self->choicesScored(id, s); });
}

int Generator::zeroShot(const QString& checkpoint, const QString& task, const ZeroShotOptions& options)
{
    return post(
        [this, stop = stop_, dir = checkpoint.toStdString(), name = task.toStdString(), options](int id) {
            return runZeroShot(dir, name, options, [this, id, stop](int done, int total) {
                QMetaObject::invokeMethod(this, [this, id, done, total] { Q_EMIT fewShotProgress(id, done, total); }, Qt::QueuedConnection);
                return !stop->load();
            });
        },
        [](Generator* self, int id, const ZeroShotResult& r) { Q_EMIT self->zeroShotFinished(id, r); });
}

} // namespace ui
} // namespace ptl
