# ThreatInsight editing state and the zone picker's item model (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  threatinsight/ThreatInsightEditor.cpp
  ZoneTableModel.cpp
)
