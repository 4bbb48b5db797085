//! Unit tests: updates.

use super::*;

#[test]
fn set_and_clear_each_field() {
	run(|| {
		let twin = twin_of(1);
		assert_ok!(TwinsPallet::set_relay(signed(1), twin, relay("r.example")));
		assert_eq!(
			last_event(),
			TwinsEvent::RelaySet {
				twin,
				relay: Some(Relay::try_from(relay("r.example").unwrap()).unwrap())
			}
		);
		let key = set_key(1, twin, 7);
		assert_ok!(TwinsPallet::set_name(signed(1), twin, name("bob")));
		let record = Twins::<Test>::get(twin).unwrap();
		assert!(record.relay.is_some() && record.public_key == Some(key) && record.name.is_some());

		assert_ok!(TwinsPallet::set_relay(signed(1), twin, None));
		assert_ok!(TwinsPallet::set_public_key(signed(1), twin, None, None));
		assert_ok!(TwinsPallet::set_name(signed(1), twin, None));
		let record = Twins::<Test>::get(twin).unwrap();
		assert_eq!((record.relay, record.public_key, record.name), (None, None, None));
		assert_eq!(TwinByKey::<Test>::iter().count() + TwinByName::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_new_name_or_key_frees_the_old_one() {
	run(|| {
		let first = twin_of(1);
		assert_ok!(TwinsPallet::set_name(signed(1), first, name("old")));
		let old = set_key(1, first, 7);
		assert_ok!(TwinsPallet::set_name(signed(1), first, name("new")));
		let new = set_key(1, first, 8);
		// Setting the same value again is fine.
		assert_ok!(TwinsPallet::set_name(signed(1), first, name("new")));
		set_key(1, first, 8);
		let second = twin_of(2);
		assert_ok!(TwinsPallet::set_name(signed(2), second, name("old")));
		assert_eq!(set_key(2, second, 7), old);
		assert_noop!(
			TwinsPallet::set_name(signed(2), second, name("new")),
			Error::<Test>::NameTaken
		);
		let (taken, proof) = proven(&key_pair(8), second, 2);
		assert_eq!(taken, new);
		assert_noop!(claim_key(2, second, taken, proof), Error::<Test>::PublicKeyTaken);
	});
}

#[test]
fn refuse_bad_values_strangers_and_unknown_twins() {
	run(|| {
		let twin = twin_of(1);
		assert_noop!(
			TwinsPallet::set_relay(signed(1), twin, relay("a..b")),
			Error::<Test>::InvalidRelay
		);
		assert_noop!(
			TwinsPallet::set_name(signed(1), twin, name("UP")),
			Error::<Test>::InvalidName
		);
		assert_noop!(
			claim_key(1, twin, PublicKey::Secp256k1([0; 33]), KeyProof::Secp256k1([0; 65])),
			Error::<Test>::InvalidPublicKey
		);
		assert_noop!(
			TwinsPallet::set_relay(signed(2), twin, None),
			Error::<Test>::NotTwinController
		);
		assert_noop!(
			TwinsPallet::set_name(signed(2), twin, None),
			Error::<Test>::NotTwinController
		);
		assert_noop!(
			TwinsPallet::set_public_key(signed(2), twin, None, None),
			Error::<Test>::NotTwinController
		);
		assert_noop!(TwinsPallet::set_relay(signed(1), 42, None), Error::<Test>::TwinNotFound);
	});
}
