# Sources of the history screen (target_sources(threatdesk_ui PRIVATE ...)).
target_sources(threatdesk_ui PRIVATE
  HistoryPage.cpp
)
