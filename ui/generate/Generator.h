#pragma once
// Generation on a worker thread: one continuation streamed token by token, or the same
// prompt continued greedily, by beam search and by sampling for a side-by-side view.
// Steps come back as queued signals; stop() ends a running generation at its next token.
#include "core/api/FewShot.h"
#include "core/api/Generate.h"
#include "core/api/ZeroShot.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

namespace ptl {
namespace ui {

class Generator : public QObject {
    Q_OBJECT
public:
    explicit Generator(QObject* parent = nullptr);
    ~Generator() override;

    // Each returns a request id carried back by the signals.
    int generate(const QString& checkpoint, const QString& prompt, const GenerateOptions& options);
    int compare(const QString& checkpoint, const QString& prompt, const std::vector<GenerateOptions>& options);
    // In-context learning: build a task's items, run it at every K, score one prompt's choices.
    int buildTask(const QString& task);
    int fewShot(const QString& checkpoint, const QString& task, const FewShotOptions& options);
    int scoreChoices(const QString& checkpoint, const QString& prompt, const std::vector<std::string>& choices, const QString& answerContext);
    int zeroShot(const QString& checkpoint, const QString& task, const ZeroShotOptions& options);
    void stop();
    bool busy() const { return busy_; }

Q_SIGNALS:
    void stepArrived(int request, const ptl::GenStep& step);
    void finished(int request, const ptl::GenerateResult& result);
    void compared(int request, const std::vector<ptl::GenerateResult>& results);
    void taskBuilt(int request, const ptl::FewShotTask& task);
    void fewShotProgress(int request, int done, int total);
    void fewShotFinished(int request, const ptl::FewShotResult& result);
    void choicesScored(int request, const ptl::ChoiceScores& scores);
    void zeroShotFinished(int request, const ptl::ZeroShotResult& result);
    void failed(int request, const QString& message);

private:
    // Runs work() on the worker thread; its value comes back through deliver() on this one.
    template <typename Work, typename Deliver>
    int post(Work work, Deliver deliver);

    QThread thread_;
    QObject* worker_ = nullptr;
    std::shared_ptr<std::atomic<bool>> stop_;
    int next_ = 0;
    bool busy_ = false;
};

} // namespace ui
} // namespace ptl

Q_DECLARE_METATYPE(ptl::GenStep)
Q_DECLARE_METATYPE(ptl::GenerateResult)
Q_DECLARE_METATYPE(std::vector<ptl::GenerateResult>)
Q_DECLARE_METATYPE(ptl::FewShotTask)
Q_DECLARE_METATYPE(ptl::FewShotResult)
Q_DECLARE_METATYPE(ptl::ChoiceScores)
Q_DECLARE_METATYPE(ptl::ZeroShotResult)
