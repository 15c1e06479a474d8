# ThreatInsight detections from the System Log (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE DetectionTableModel.cpp incident/DetectionFeed.cpp
                                         incident/ThreatDetection.cpp)
