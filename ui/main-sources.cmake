# Sources of the main screen (target_sources(threatdesk_ui PRIVATE ...)).
target_sources(threatdesk_ui PRIVATE
  MainWindow.cpp
)
