#pragma once
// Inspection on a worker thread: opening a model, forward passes for the attention views,
// fill-mask and the tokenizer view. Requests are coalesced: only the newest of each kind
// is answered, so typing never queues up stale forward passes.
#include "core/api/Inspect.h"
#include "core/api/ModelSession.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>
#include <optional>

namespace ptl {
namespace ui {

class InspectorWorker;

class Inspector : public QObject {
    Q_OBJECT
public:
    explicit Inspector(QObject* parent = nullptr);
    ~Inspector() override;

    void openModel(const QString& checkpointDir);
    // Each returns a request id; the matching signal carries it back.
    int inspect(const QString& text, const QString& textB, int topK = 5);
    int tokenize(const QString& text);
    int neuron(const QString& text, const QString& textB, int layer, int head, int query);
    int maskPreview(const QString& text, const MaskPreviewOptions& options, int topK = 5);
    int replaced(const QString& text, const ReplacedOptions& options);
    QString modelPath() const { return path_; }
    bool hasModel() const { return !path_.isEmpty(); }

Q_SIGNALS:
    void modelOpened(const QString& path, const QString& description);
    void modelFailed(const QString& path, const QString& message);
    void inspected(int requestId, const ptl::InspectResult& result);
    void tokenized(int requestId, const std::vector<ptl::TokenPiece>& pieces);
    void neuronReady(int requestId, const ptl::NeuronView& view);
    void maskPreviewReady(int requestId, const ptl::MaskPreview& preview);
    void replacedReady(int requestId, const ptl::ReplacedView& view);
    void failed(int requestId, const QString& message);

private:
    // Posts work to the worker thread; it runs only if it is still the newest request of
    // its kind (`latest`), and its result or error comes back as a queued signal.
    template <typename Work, typename Deliver>
    int post(const std::shared_ptr<std::atomic<int>>& latest, Work work, Deliver deliver);

    QThread thread_;
    InspectorWorker* worker_ = nullptr;
    std::shared_ptr<std::atomic<int>> latestInspect_, latestTokenize_, latestNeuron_, latestMask_, latestReplaced_;
    int next_ = 0;
    QString path_;
};

class InspectorWorker : public QObject {
    Q_OBJECT
public:
    std::unique_ptr<ModelSession> session;
};

} // namespace ui
} // namespace ptl

Q_DECLARE_METATYPE(ptl::InspectResult)
Q_DECLARE_METATYPE(ptl::NeuronView)
Q_DECLARE_METATYPE(ptl::MaskPreview)
Q_DECLARE_METATYPE(ptl::ReplacedView)
Q_DECLARE_METATYPE(std::vector<ptl::TokenPiece>)
