# Redacted HTTP debug logging (issue 8).
target_sources(threatdesk_models PRIVATE api/HttpTrace.cpp)
# Certificate errors named, never ignored (issue 8), for API and token requests.
target_sources(threatdesk_models PRIVATE api/TlsProblems.cpp)
