# Redacted HTTP debug logging (issue 8).
target_sources(threatdesk_models PRIVATE api/HttpTrace.cpp)
