# Zone changes and detections against the sandbox, through the client and the CLI.
threatdesk_add_test(TestZoneGatewayEditor SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestZoneGatewayEditor.cpp
                    LIBS threatdesk_models threatdesk_sandbox LABELS integration)
threatdesk_add_test(TestCliZones SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestCliZones.cpp LIBS Qt6::Core threatdesk_cli_test_support LABELS integration)
add_dependencies(TestCliZones threatdesk threatdesk-sandbox)
