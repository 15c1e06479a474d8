# Tests of models/api/OAuthAuthProvider (and OktaJob's retry after a 401) on a scripted network.
threatdesk_add_test(TestOAuthAuthProvider SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestOAuthAuthProvider.cpp LIBS threatdesk_models threatdesk_test_support LABELS unit)
