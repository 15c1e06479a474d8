# `detections` (target_sources(threatdesk_cli PRIVATE ...)).
target_sources(threatdesk_cli PRIVATE cli/DetectionsCommand.cpp)
