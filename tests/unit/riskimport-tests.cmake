# "Rows in" of the risk-event pipeline: parsing, validation, deduplication, the import job.
foreach(test TestIpAddressParser TestMessageRules TestCsvReader TestRiskRowImporter TestSubjectDeduplicator
             TestImportJob)
  threatdesk_add_test(${test} SOURCES ${test}.cpp LIBS threatdesk_models LABELS unit)
endforeach()
