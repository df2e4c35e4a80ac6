#include "ui/worker/Inspector.h"

#include <QMetaObject>

namespace ptl {
namespace ui {

Inspector::Inspector(QObject* parent)
    : QObject(parent), latestInspect_(std::make_shared<std::atomic<int>>(0)), latestTokenize_(std::make_shared<std::atomic<int>>(0)),
      latestNeuron_(std::make_shared<std::atomic<int>>(0)), latestMask_(std::make_shared<std::atomic<int>>(0)),
      latestReplaced_(std::make_shared<std::atomic<int>>(0))
{
    qRegisterMetaType<ptl::MaskPreview>();
    qRegisterMetaType<ptl::ReplacedView>();
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

template <typename Work, typename Deliver>
int Inspector::post(const std::shared_ptr<std::atomic<int>>& latest, Work work, Deliver deliver)
{
    const int id = ++next_;
    latest->store(id);
    QMetaObject::invokeMethod(worker_, [this, w = worker_, id, latest, work, deliver] {
        if (latest->load() != id) return;  // a newer request of this kind is queued: skip this one
        if (!w->session) {
            QMetaObject::invokeMethod(this, [this, id] { Q_EMIT failed(id, tr("No model is open.")); }, Qt::QueuedConnection);
            return;
        }
        try {
            auto result = work(*w->session);
            QMetaObject::invokeMethod(this, [this, id, deliver, r = std::move(result)] { deliver(this, id, r); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString msg = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, id, msg] { Q_EMIT failed(id, msg); }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
    return id;
}

static std::optional<std::string> optionalText(const QString& s)
{
    return s.isEmpty() ? std::nullopt : std::optional<std::string>(s.toStdString());
}

int Inspector::inspect(const QString& text, const QString& textB, int topK)
{
    return post(latestInspect_, [a = text.toStdString(), b = optionalText(textB), topK](ModelSession& s) { return s.inspect(a, b, topK); },
                [](Inspector* self, int id, const InspectResult& r) { Q_EMIT self->inspected(id, r); });
}

int Inspector::tokenize(const QString& text)
{
    return post(latestTokenize_, [t = text.toStdString()](ModelSession& s) { return s.tokenize(t); },
                [](Inspector* self, int id, const std::vector<TokenPiece>& p) { Q_EMIT self->tokenized(id, p); });
}

int Inspector::neuron(const QString& text, const QString& textB, int layer, int head, int query)
{
    return post(latestNeuron_,
                [a = text.toStdString(), b = optionalText(textB), layer, head, query](ModelSession& s) { return s.neuron(a, b, layer, head, query); },
                [](Inspector* self, int id, const NeuronView& v) { Q_EMIT self->neuronReady(id, v); });
}

int Inspector::maskPreview(const QString& text, const MaskPreviewOptions& options, int topK)
{
    return post(latestMask_, [t = text.toStdString(), options, topK](ModelSession& s) { return s.maskPreview(t, options, topK); },
                [](Inspector* self, int id, const MaskPreview& p) { Q_EMIT self->maskPreviewReady(id, p); });
}

int Inspector::replaced(const QString& text, const ReplacedOptions& options)
{
    return post(latestReplaced_, [t = text.toStdString(), options](ModelSession& s) { return s.replaced(t, options); },
                [](Inspector* self, int id, const ReplacedView& v) { Q_EMIT self->replacedReady(id, v); });
}

} // namespace ui
} // namespace ptl
