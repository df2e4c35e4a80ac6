#include "ui/generate/Generator.h"

#include <QMetaObject>

namespace ptl {
namespace ui {

Generator::Generator(QObject* parent) : QObject(parent), stop_(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<ptl::GenStep>();
    qRegisterMetaType<ptl::GenerateResult>();
    qRegisterMetaType<std::vector<ptl::GenerateResult>>();
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

int Generator::generate(const QString& checkpoint, const QString& prompt, const GenerateOptions& options)
{
    const int id = ++next_;
    stop_->store(false);
    busy_ = true;
    QMetaObject::invokeMethod(worker_, [this, id, stop = stop_, dir = checkpoint.toStdString(), text = prompt.toStdString(), options] {
        try {
            const GenerateResult r = generateText(dir, text, options, [this, id, stop](const GenStep& s) {
                QMetaObject::invokeMethod(this, [this, id, s] { Q_EMIT stepArrived(id, s); }, Qt::QueuedConnection);
                return !stop->load();
            });
            QMetaObject::invokeMethod(this, [this, id, r] {
                busy_ = false;
                Q_EMIT finished(id, r);
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

int Generator::compare(const QString& checkpoint, const QString& prompt, const std::vector<GenerateOptions>& options)
{
    const int id = ++next_;
    stop_->store(false);
    busy_ = true;
    QMetaObject::invokeMethod(worker_, [this, id, stop = stop_, dir = checkpoint.toStdString(), text = prompt.toStdString(), options] {
        try {
            std::vector<GenerateResult> results;
            for (const GenerateOptions& o : options) {
                if (stop->load()) break;
                results.push_back(generateText(dir, text, o, [stop](const GenStep&) { return !stop->load(); }));
            }
            QMetaObject::invokeMethod(this, [this, id, results] {
                busy_ = false;
                Q_EMIT compared(id, results);
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

} // namespace ui
} // namespace ptl
