#pragma once
// The one error type core throws: a message that says what went wrong and where,
// and a hint that says what to do about it. The CLI prints both; the GUI shows both.
#include <stdexcept>
#include <string>

namespace ptl {

class Error : public std::runtime_error {
public:
    Error(std::string message, std::string hint = {});
    const std::string& message() const { return message_; }
    const std::string& hint() const { return hint_; }
    // "message\nHINT: hint" (or just the message when there is no hint).
    std::string full() const;

private:
    std::string message_;
    std::string hint_;
};

// Throws ptl::Error(message, hint) when cond is false.
void require(bool cond, const std::string& message, const std::string& hint = {});

} // namespace ptl
