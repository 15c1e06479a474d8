# Sources of models/session (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  session/OrgSession.cpp
)
