# The GUI's send run controller and the cheap reading of a run journal it shares with the
# history (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  riskevents/RiskSendSession.cpp
  riskevents/RunSummary.cpp
)
