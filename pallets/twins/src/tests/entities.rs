//! Unit tests: entities.

use super::*;

#[test]
fn create_holds_the_deposit_and_delete_releases_it() {
	run(|| {
		let (entity, pair) = sr25519_entity(5);
		let record = Entities::<Test>::get(entity).unwrap();
		assert_eq!((record.account, record.kind), (5, EntityKind::Company));
		assert_eq!((record.name.as_str(), record.city.as_str()), ("ThreeFold NV", "Lochristi"));
		assert_eq!(record.country.as_bytes(), b"BE");
		assert_eq!(record.key, EntityKey::Sr25519(pair.public().0));
		assert_eq!(held(5, HoldReason::EntityDeposit), ENTITY_DEPOSIT);
		assert_eq!(ticket_amount::<Balance>(&record.deposit), ENTITY_DEPOSIT);
		assert_eq!(TwinsPallet::entity_deposit(), ENTITY_DEPOSIT);
		assert_noop!(TwinsPallet::delete_entity(signed(6), entity), Error::<Test>::NotEntityOwner);
		assert_ok!(TwinsPallet::delete_entity(signed(5), entity));
		assert_eq!(last_event(), TwinsEvent::EntityDeleted { entity });
		assert_eq!(held(5, HoldReason::EntityDeposit), 0);
		assert_noop!(TwinsPallet::delete_entity(signed(5), entity), Error::<Test>::EntityNotFound);
	});
}

#[test]
fn create_refuses_bad_text_countries_and_the_poor() {
	run(|| {
		let key = EntityKey::Ed25519([1; 32]);
		let create = |who, name: &str, country: [u8; 2], city: &str| {
			TwinsPallet::create_entity(
				signed(who),
				EntityKind::Person,
				text(name),
				country,
				text(city),
				key,
			)
		};
		assert_noop!(create(1, "", *b"BE", "Gent"), Error::<Test>::InvalidEntityText);
		assert_noop!(create(1, "A\nB", *b"BE", "Gent"), Error::<Test>::InvalidEntityText);
		assert_noop!(create(1, "Ann", *b"BE", ""), Error::<Test>::InvalidEntityText);
		assert_noop!(
			TwinsPallet::create_entity(
				signed(1),
				EntityKind::Person,
				BoundedVec::truncate_from(vec![0xff, 0xfe]),
				*b"BE",
				text("Gent"),
				key
			),
			Error::<Test>::InvalidEntityText
		);
		for country in [*b"be", *b"XX", *b"UK", [0, 0]] {
			assert_noop!(create(1, "Ann", country, "Gent"), Error::<Test>::InvalidCountry);
		}
		assert_noop!(create(POOR, "Ann", *b"BE", "Gent"), Error::<Test>::CannotHoldDeposit);
		assert_ok!(create(1, "Zoë Ñandú", *b"EG", "القاهرة"));
	});
}

#[test]
fn link_with_an_sr25519_or_ed25519_signature() {
	run(|| {
		let (twin, entity, _) = linked_twin();
		assert_eq!(last_event(), TwinsEvent::EntityLinked { entity, twin });
		assert!(TwinEntities::<Test>::contains_key(twin, entity));
		assert_eq!(Twins::<Test>::get(twin).unwrap().entities, 1);

		let ed = ed25519::Pair::from_seed(&[9; 32]);
		assert_ok!(TwinsPallet::create_entity(
			signed(6),
			EntityKind::Government,
			text("Ministry"),
			*b"NL",
			text("Den Haag"),
			EntityKey::Ed25519(ed.public().0)
		));
		let gov = LastEntityId::<Test>::get();
		let signature = EntitySignature::Ed25519(ed.sign(&vouching(gov, twin)).0);
		assert_ok!(link_with(1, twin, gov, signature));
		assert_eq!(Twins::<Test>::get(twin).unwrap().entities, 2);
	});
}

#[test]
fn link_refuses_wrong_and_malformed_signatures() {
	run(|| {
		let twin = twin_of(1);
		let other = twin_of(2);
		let (entity, pair) = sr25519_entity(5);
		let cases = [
			vouch(&pair, entity, other),
			EntitySignature::Sr25519([0; 64]),
			EntitySignature::Sr25519([0xff; 64]),
			EntitySignature::Ed25519(pair.sign(&vouching(entity, twin)).0),
			EntitySignature::Sr25519(
				sr25519::Pair::from_seed(&[8; 32]).sign(&vouching(entity, twin)).0,
			),
		];
		for signature in cases {
			assert_noop!(link_with(1, twin, entity, signature), Error::<Test>::BadSignature);
		}
	});
}

#[test]
fn link_errors() {
	run(|| {
		let (twin, entity, pair) = twin_and_entity();
		let signature = vouch(&pair, entity, twin);
		assert_noop!(link_with(2, twin, entity, signature), Error::<Test>::NotTwinController);
		assert_noop!(link_with(1, 42, entity, signature), Error::<Test>::TwinNotFound);
		assert_noop!(link_with(1, twin, 42, signature), Error::<Test>::EntityNotFound);
		link(1, twin, entity, &pair);
		assert_noop!(link_with(1, twin, entity, signature), Error::<Test>::AlreadyLinked);
		assert_noop!(TwinsPallet::delete_entity(signed(5), entity), Error::<Test>::EntityHasLinks);
	});
}

#[test]
fn links_are_bounded_on_both_sides() {
	run(|| {
		let twin = twin_of(1);
		let pairs: Vec<_> = (5..=8).map(sr25519_entity).collect();
		for (entity, pair) in &pairs[..3] {
			link(1, twin, *entity, pair);
		}
		let (fourth, pair) = &pairs[3];
		let signature = vouch(pair, *fourth, twin);
		assert_noop!(link_with(1, twin, *fourth, signature), Error::<Test>::TooManyEntities);

		for account in 2..=4 {
			let other = twin_of(account);
			link(account, other, *fourth, pair);
		}
		let last = twin_of(9);
		let signature = vouch(pair, *fourth, last);
		assert_noop!(link_with(9, last, *fourth, signature), Error::<Test>::TooManyTwins);
	});
}

#[test]
fn a_withdrawn_link_cannot_be_replayed() {
	run(|| {
		let (twin, entity, pair) = twin_and_entity();
		let old = vouch(&pair, entity, twin);
		assert_ok!(link_with(1, twin, entity, old));
		// The entity withdraws its vouching; the twin's controller still has the signature.
		assert_ok!(TwinsPallet::unlink_entity(signed(5), twin, entity));
		assert_eq!(Entities::<Test>::get(entity).unwrap().nonce, 1);
		assert_noop!(link_with(1, twin, entity, old), Error::<Test>::BadSignature);
		// A fresh signature, over the new nonce, links again.
		link(1, twin, entity, &pair);
	});
}

#[test]
fn a_link_signed_for_another_chain_or_controller_is_refused() {
	run(|| {
		let (twin, entity, pair) = twin_and_entity();
		let genesis = TwinsPallet::genesis_hash();
		let mut other_chain = genesis;
		other_chain.as_mut()[0] ^= 1;
		for message in [
			link_message(&other_chain, entity, twin, &1u64, 0),
			link_message(&genesis, entity, twin, &2u64, 0),
		] {
			let signature = EntitySignature::Sr25519(pair.sign(&message).0);
			assert_noop!(link_with(1, twin, entity, signature), Error::<Test>::BadSignature);
		}
		// A browser wallet's wrapped signature of the right message links.
		let wrapped = [b"<Bytes>".as_slice(), &vouching(entity, twin), b"</Bytes>"].concat();
		let signature = EntitySignature::Sr25519(pair.sign(&wrapped).0);
		assert_ok!(link_with(1, twin, entity, signature));
	});
}

#[test]
fn either_side_may_unlink() {
	run(|| {
		let (twin, entity, pair) = linked_twin();
		assert_noop!(
			TwinsPallet::unlink_entity(signed(3), twin, entity),
			Error::<Test>::NotTwinController
		);
		assert_ok!(TwinsPallet::unlink_entity(signed(5), twin, entity));
		assert_eq!(last_event(), TwinsEvent::EntityUnlinked { entity, twin });
		assert_noop!(TwinsPallet::unlink_entity(signed(1), twin, entity), Error::<Test>::NotLinked);
		link(1, twin, entity, &pair);
		assert_ok!(TwinsPallet::unlink_entity(signed(1), twin, entity));
		assert_eq!(Twins::<Test>::get(twin).unwrap().entities, 0);
		assert_eq!(Entities::<Test>::get(entity).unwrap().twins, 0);
		assert_noop!(
			TwinsPallet::unlink_entity(signed(1), 42, entity),
			Error::<Test>::TwinNotFound
		);
		assert_noop!(
			TwinsPallet::unlink_entity(signed(1), twin, 42),
			Error::<Test>::EntityNotFound
		);
	});
}
