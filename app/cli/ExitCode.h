#pragma once

// The process exit codes of every command. Scripts branch on them, so they never change meaning:
// 1 means "fix the input", 3 "fix the credentials", 4 "try again later".
namespace ExitCode {
enum : int {
    Ok = 0,
    Rejected = 1, // Okta refused the input (400/404/409/422) or a zone name did not resolve
    Usage = 2,    // bad command line or missing configuration (token, URL)
    Auth = 3,     // 401/403: wrong token or missing permission
    Failure = 4,  // network, timeout, 5xx, 429, an answer we could not read
};
} // namespace ExitCode
