# Sources of models/history and its item model (target_sources(threatdesk_models PRIVATE ...)).
target_sources(threatdesk_models PRIVATE
  history/HistoryStore.cpp
  HistoryTableModel.cpp
)
