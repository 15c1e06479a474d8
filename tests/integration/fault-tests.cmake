# Fault tests through the sandbox org (issue 8).
threatdesk_add_test(TestFaultTolerance SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestFaultTolerance.cpp
                    LIBS threatdesk_sandbox_test_support LABELS integration)
# `threatdesk risk send` / `risk resume` against a threatdesk-sandbox process with --fault.
threatdesk_add_test(TestCliFaults SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestCliFaults.cpp
                    LIBS Qt6::Core threatdesk_cli_test_support LABELS integration)
add_dependencies(TestCliFaults threatdesk threatdesk-sandbox)
