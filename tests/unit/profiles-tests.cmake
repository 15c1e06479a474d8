# Tests of models/profiles (threatdesk_add_test(...)).
threatdesk_add_test(TestOrgProfile SOURCES TestOrgProfile.cpp LIBS threatdesk_models LABELS unit)
threatdesk_add_test(TestProfileStore SOURCES TestProfileStore.cpp LIBS threatdesk_models LABELS unit)
