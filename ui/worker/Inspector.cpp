#include "ui/worker/Inspector.h"

#include <QMetaObject>

namespace ptl {
namespace ui {

Inspector::Inspector(QObject* parent)
    : QObject(parent), latestInspect_(std::make_shared<std::atomic<int>>(0)), latestTokenize_(std::make_shared<std::atomic<int>>(0)),
      latestNeuron_(std::make_shared<std::atomic<int>>(0)), latestMask_(std::make_shared<std::atomic<int>>(0))
{
    qRegisterMetaType<ptl::MaskPreview>();
    qRegisterMetaType<ptl::InspectResult>();
    qRegisterMetaType<ptl::NeuronView>();
    qRegisterMetaType<std::vector<ptl::TokenPiece>>();
    worker_ = new InspectorWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("inspector"));
    thread_.start();
}

Inspector::~Inspector()
{
    thread_.quit();
    thread_.wait();
}

void Inspector::openModel(const QString& dir)
{
    path_ = dir;
    QMetaObject::invokeMethod(worker_, [this, w = worker_, dir] {
        try {
            w->session = ModelSession::open(dir.toStdString());
            const ModelConfig& c = w->session->config();
            const QString d = QStringLiteral("%1 · L%2 H%3 A%4").arg(QString::fromStdString(toString(c.family))).arg(c.num_layers).arg(c.hidden_size).arg(c.num_heads);
            QMetaObject::invokeMethod(this, [this, dir, d] { Q_EMIT modelOpened(dir, d); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            w->session.reset();
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, dir, msg] {
                path_.clear();
                Q_EMIT modelFailed(dir, msg);
            }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
}

int Inspector::inspect(const QString& text, const QString& textB, int topK)
{
    const int id = ++next_;
    latestInspect_->store(id);
    QMetaObject::invokeMethod(worker_, [this, w = worker_, id, latest = latestInspect_, a = text.toStdString(), b = textB.toStdString(), topK] {
        if (latest->load() != id) return;  // a newer request is queued: skip this one
        if (!w->session) {
            QMetaObject::invokeMethod(this, [this, id] { Q_EMIT failed(id, tr("No model is open.")); }, Qt::QueuedConnection);
            return;
        }
        try {
            InspectResult r = w->session->inspect(a, b.empty() ? std::nullopt : std::optional<std::string>(b), topK);
            QMetaObject::invokeMethod(this, [this, id, r = std::move(r)] { Q_EMIT inspected(id, r); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, id, msg] { Q_EMIT failed(id, msg); }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
    return id;
}

int Inspector::tokenize(const QString& text)
{
    const int id = ++next_;
    latestTokenize_->store(id);
    QMetaObject::invokeMethod(worker_, [this, w = worker_, id, latest = latestTokenize_, t = text.toStdString()] {
        if (latest->load() != id || !w->session) return;
        try {
            auto pieces = w->session->tokenize(t);
            QMetaObject::invokeMethod(this, [this, id, p = std::move(pieces)] { Q_EMIT tokenized(id, p); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, id, msg] { Q_EMIT failed(id, msg); }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
    return id;
}

int Inspector::neuron(const QString& text, const QString& textB, int layer, int head, int query)
{
    const int id = ++next_;
    latestNeuron_->store(id);
    QMetaObject::invokeMethod(worker_, [this, w = worker_, id, latest = latestNeuron_, a = text.toStdString(), b = textB.toStdString(), layer, head, query] {
        if (latest->load() != id || !w->session) return;
        try {
            NeuronView v = w->session->neuron(a, b.empty() ? std::nullopt : std::optional<std::string>(b), layer, head, query);
            QMetaObject::invokeMethod(this, [this, id, v = std::move(v)] { Q_EMIT neuronReady(id, v); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, id, msg] { Q_EMIT failed(id, msg); }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
    return id;
}

int Inspector::maskPreview(const QString& text, const MaskPreviewOptions& options, int topK)
{
    const int id = ++next_;
    latestMask_->store(id);
    QMetaObject::invokeMethod(worker_, [this, w = worker_, id, latest = latestMask_, t = text.toStdString(), options, topK] {
        if (latest->load() != id || !w->session) return;
        try {
            MaskPreview p = w->session->maskPreview(t, options, topK);
            QMetaObject::invokeMethod(this, [this, id, p = std::move(p)] { Q_EMIT maskPreviewReady(id, p); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, id, msg] { Q_EMIT failed(id, msg); }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
    return id;
}

} // namespace ui
} // namespace ptl
