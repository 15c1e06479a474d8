# Sources of the threatinsight screen (target_sources(threatdesk_ui PRIVATE ...)).
target_sources(threatdesk_ui PRIVATE
  ThreatInsightPage.cpp
  ZonePicker.cpp
)
