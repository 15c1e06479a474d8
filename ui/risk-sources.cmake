# Sources of the risk screen (target_sources(threatdesk_ui PRIVATE ...)).
target_sources(threatdesk_ui PRIVATE
  AddRowsCommand.cpp
  AppendImportCommand.cpp
  EditRowCommand.cpp
  ImportSummaryDialog.cpp
  QuickReportDialog.cpp
  RemoveRowsCommand.cpp
  RequestPreviewDialog.cpp
  RiskEventsPage.cpp
  RiskTableView.cpp
)
