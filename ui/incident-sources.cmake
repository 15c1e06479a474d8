# The Detections screen and the block/exempt dialog (target_sources(threatdesk_ui PRIVATE ...)).
target_sources(threatdesk_ui PRIVATE
  DetectionsPage.cpp
  ZoneChangeDialog.cpp
)
