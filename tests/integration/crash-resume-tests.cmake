# Crash-resume: a 100,000-subject send killed with SIGKILL, then resumed (issue 8).
# Runs the real executables (threatdesk killed with SIGKILL, threatdesk-sandbox) with private
# XDG folders and the token in the environment: no keyring, so no RESOURCE_LOCK.
threatdesk_add_test(TestCrashResume SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestCrashResume.cpp
                    LIBS Qt6::Core Qt6::Network threatdesk_cli_test_support LABELS integration)
add_dependencies(TestCrashResume threatdesk threatdesk-sandbox)
