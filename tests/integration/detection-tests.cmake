# Detections against the sandbox, through the client and the CLI.
threatdesk_add_test(TestDetectionFeed SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestDetectionFeed.cpp
                    LIBS threatdesk_models threatdesk_sandbox threatdesk_test_support LABELS integration)
# The command as a process: no keychain involved (--sandbox and --org only), so no RESOURCE_LOCK.
threatdesk_add_test(TestCliDetections SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestCliDetections.cpp
                    LIBS Qt6::Core Qt6::Network threatdesk_cli_test_support LABELS integration)
add_dependencies(TestCliDetections threatdesk threatdesk-sandbox)
