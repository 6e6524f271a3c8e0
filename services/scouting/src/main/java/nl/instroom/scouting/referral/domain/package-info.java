/** A referral as scouting counts it, and the port to where it is kept. No framework here. */
package nl.instroom.scouting.referral.domain;
