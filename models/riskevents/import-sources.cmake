# "Rows in" of the risk-event pipeline: CSV/TSV/pasted/plain-list import and validation.
target_sources(threatdesk_models PRIVATE
  riskevents/CsvReader.cpp
  riskevents/ImportJob.cpp
  riskevents/ImportResult.cpp
  riskevents/IpAddressParser.cpp
  riskevents/MessageRules.cpp
  riskevents/RiskRowImporter.cpp
  riskevents/SubjectDeduplicator.cpp
)
