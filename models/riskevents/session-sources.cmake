# The GUI's send run controller (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  riskevents/RiskSendSession.cpp
)
